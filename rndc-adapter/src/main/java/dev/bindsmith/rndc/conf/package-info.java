/**
 * rndc configuration: the rndc.conf / key-file parser ({@link dev.bindsmith.rndc.conf.RndcConfParser},
 * with {@code include}, comments, line/column errors that never echo input text) and the resolver that
 * combines environment variables, a file and defaults into {@link dev.bindsmith.rndc.conf.RndcSettings}
 * ({@link dev.bindsmith.rndc.conf.RndcSettingsResolver}).
 */
package dev.bindsmith.rndc.conf;
