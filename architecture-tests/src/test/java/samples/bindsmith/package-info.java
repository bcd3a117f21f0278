/**
 * Deliberately wrong (and a few deliberately right) classes laid out like bindsmith's packages under
 * another root, so that {@code ArchitectureRulesCanFailTest} can prove each rule reports a violation.
 * Never imported by the production checks, which import {@code dev.bindsmith} only.
 */
package samples.bindsmith;
