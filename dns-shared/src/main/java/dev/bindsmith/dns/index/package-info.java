/**
 * What both zone stores keep beside their index of zones so that the list of every zone can be kept
 * and patched after a change instead of built again from 100 000 entries: which zones changed
 * ({@link dev.bindsmith.dns.index.ChangedZones}) and the list kept ({@link dev.bindsmith.dns.index.KeptList}).
 */
package dev.bindsmith.dns.index;
