/**
 * One abstract contract test per port. An adapter's test extends the contract and implements its
 * factory methods; the contract then checks every behaviour the port's Javadoc promises:
 * {@link dev.bindsmith.testing.contract.ZoneStoreContract},
 * {@link dev.bindsmith.testing.contract.NameServerControlContract},
 * {@link dev.bindsmith.testing.contract.RecordUpdaterContract} (with the RecordReader).
 * Zone names are unique per test ({@link dev.bindsmith.testing.contract.ContractZones}) so that a
 * contract can run against a long-lived real name server.
 */
package dev.bindsmith.testing.contract;
