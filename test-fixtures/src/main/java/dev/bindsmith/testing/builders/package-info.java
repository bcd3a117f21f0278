/**
 * Test-data builders with sane defaults: {@link dev.bindsmith.testing.builders.TestZones} is the entry
 * point ({@code TestZones.request("example.com").primary().withRecord("www", "A", "192.0.2.1").build()},
 * {@code TestZones.spec("example.com").dynamic().build()}, {@code TestZones.patch()}), and
 * {@link dev.bindsmith.testing.builders.Records} makes typed records.
 */
package dev.bindsmith.testing.builders;
