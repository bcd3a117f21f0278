package dev.bindsmith.rndc.conf;

import dev.bindsmith.dns.conf.ConfCursor;
import dev.bindsmith.dns.conf.ConfSyntaxException;
import dev.bindsmith.dns.conf.ConfToken;
import dev.bindsmith.dns.conf.ConfToken.Kind;
import dev.bindsmith.dns.conf.KeyStatement;
import dev.bindsmith.dns.conf.KeyStatements;
import dev.bindsmith.rndc.conf.RndcConf.Address;
import dev.bindsmith.rndc.conf.RndcConf.KeyClause;
import dev.bindsmith.rndc.conf.RndcConf.Options;
import dev.bindsmith.rndc.conf.RndcConf.ServerClause;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Parses rndc.conf and key files: {@code key} (read by dns-shared's {@link KeyStatements}, as every
 * reader of key statements reads it), {@code options}, {@code server} and {@code include}
 * statements (a relative include is resolved against the including file's directory; cycles and
 * nesting deeper than {@link #MAX_INCLUDE_DEPTH} are errors). Unknown options inside {@code options}
 * and {@code server} blocks are skipped, as rndc accepts more than we use; an unknown top-level
 * statement is an error. Error messages never quote input text.
 */
public final class RndcConfParser {

    /** How deep includes may nest (bindcar's limit). */
    public static final int MAX_INCLUDE_DEPTH = 32;

    private static final Set<String> STATEMENTS = Set.of("key", "options", "server", "include");

    private RndcConfParser() {}

    /** Parses {@code file} and everything it includes. */
    public static RndcConf parse(Path file) throws RndcConfException {
        return parse(file, new ArrayDeque<>());
    }

    /** Parses text as if read from {@code file} (includes resolve against its directory). */
    public static RndcConf parse(String text, Path file) throws RndcConfException {
        return new FileParser(file, text, new ArrayDeque<>()).parse();
    }

    private static RndcConf parse(Path file, Deque<Path> chain) throws RndcConfException {
        Path real;
        String text;
        try {
            real = file.toRealPath();
            text = java.nio.file.Files.readString(real, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RndcConfException(file + ": no such file");
        } catch (IOException e) {
            throw new RndcConfException(
                    file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (chain.contains(real)) {
            throw new RndcConfException(file + ": include cycle (" + chain.peekLast() + " includes it again)");
        }
        if (chain.size() >= MAX_INCLUDE_DEPTH) {
            throw new RndcConfException(file + ": includes nested deeper than " + MAX_INCLUDE_DEPTH);
        }
        chain.addLast(real);
        try {
            return new FileParser(file, text, chain).parse();
        } finally {
            chain.removeLast();
        }
    }

    private static final class FileParser {
        private final Path file;
        private final String text;
        private final Deque<Path> chain;
        private ConfCursor c;

        private final Map<String, KeyClause> ownKeys = new LinkedHashMap<>();
        private final Map<String, ServerClause> ownServers = new LinkedHashMap<>();
        private Options ownOptions = Options.NONE;
        private final Map<String, KeyClause> includedKeys = new LinkedHashMap<>();
        private final Map<String, ServerClause> includedServers = new LinkedHashMap<>();
        private Options includedOptions = Options.NONE;

        FileParser(Path file, String text, Deque<Path> chain) {
            this.file = file;
            this.text = text;
            this.chain = chain;
        }

        RndcConf parse() throws RndcConfException {
            try {
                c = ConfCursor.of(text);
                while (!c.atEnd()) {
                    statement();
                }
            } catch (ConfSyntaxException e) {
                throw new RndcConfException(file + ":" + e.getMessage());
            }
            Map<String, KeyClause> keys = new LinkedHashMap<>(includedKeys);
            keys.putAll(ownKeys);
            Map<String, ServerClause> servers = new LinkedHashMap<>(includedServers);
            servers.putAll(ownServers);
            return new RndcConf(file, keys, includedOptions.overlaidBy(ownOptions), servers);
        }

        private void statement() throws RndcConfException, ConfSyntaxException {
            ConfToken t = c.expect(Kind.WORD, "a statement (key, options, server or include)");
            switch (t.text()) {
                case "include" -> include();
                case "key" -> key(t);
                case "options" -> options();
                case "server" -> server();
                default -> throw c.error(t, "unknown statement; expected one of " + STATEMENTS);
            }
        }

        private void include() throws RndcConfException, ConfSyntaxException {
            ConfToken path = c.expect(Kind.STRING, "the quoted path of the included file");
            c.semi("the include");
            Path target = Path.of(path.text());
            if (!target.isAbsolute()) {
                Path dir = file.toAbsolutePath().getParent();
                target = dir == null ? target : dir.resolve(target);
            }
            RndcConf inc;
            try {
                inc = RndcConfParser.parse(target, chain);
            } catch (RndcConfException e) {
                throw new RndcConfException(e.getMessage() + " (included from " + position(path) + ")", e);
            }
            inc.keys().forEach(includedKeys::putIfAbsent);
            inc.servers().forEach(includedServers::putIfAbsent);
            includedOptions = inc.options().overlaidBy(includedOptions);
        }

        /** The key statement as every reader of named.conf syntax reads it ({@link KeyStatements}). */
        private void key(ConfToken keyword) throws ConfSyntaxException {
            KeyStatement k = KeyStatements.body(c, keyword.line());
            ownKeys.put(k.name(), new KeyClause(k.name(), k.algorithm(), k.secret(), file));
        }

        private void options() throws ConfSyntaxException {
            c.expect(Kind.OPEN, "'{' after options");
            Optional<String> server = ownOptions.defaultServer();
            Optional<String> key = ownOptions.defaultKey();
            OptionalInt port = ownOptions.defaultPort();
            while (c.peek().kind() != Kind.CLOSE) {
                ConfToken opt = c.expect(Kind.WORD, "an option or '}'");
                switch (opt.text()) {
                    case "default-server" -> {
                        server = Optional.of(c.name("the default server").text());
                        c.semi("default-server");
                    }
                    case "default-key" -> {
                        key = Optional.of(c.name("the default key name").text());
                        c.semi("default-key");
                    }
                    case "default-port" -> {
                        port = OptionalInt.of(port());
                        c.semi("default-port");
                    }
                    default -> skipClause();
                }
            }
            c.expect(Kind.CLOSE, "'}'");
            c.semi("the options block");
            ownOptions = new Options(server, key, port);
        }

        private void server() throws ConfSyntaxException {
            ConfToken name = c.name("the server name or address");
            c.expect(Kind.OPEN, "'{' after the server name");
            Optional<String> key = Optional.empty();
            OptionalInt port = OptionalInt.empty();
            List<Address> addresses = new ArrayList<>();
            while (c.peek().kind() != Kind.CLOSE) {
                ConfToken opt = c.expect(Kind.WORD, "a server option or '}'");
                switch (opt.text()) {
                    case "key" -> {
                        key = Optional.of(c.name("the key name").text());
                        c.semi("the server's key");
                    }
                    case "port" -> {
                        port = OptionalInt.of(port());
                        c.semi("the server's port");
                    }
                    case "addresses" -> {
                        c.expect(Kind.OPEN, "'{' after addresses");
                        while (c.peek().kind() != Kind.CLOSE) {
                            String host = c.name("an address").text();
                            OptionalInt p = OptionalInt.empty();
                            if (c.peekWord("port")) {
                                c.next();
                                p = OptionalInt.of(port());
                            }
                            c.semi("the address");
                            addresses.add(new Address(host, p));
                        }
                        c.expect(Kind.CLOSE, "'}'");
                        c.semi("the addresses list");
                    }
                    default -> skipClause();
                }
            }
            c.expect(Kind.CLOSE, "'}'");
            c.semi("the server statement");
            ownServers.put(name.text(), new ServerClause(name.text(), key, port, addresses));
        }

        /** Skips an option we do not use, up to its ';' (balanced over braces). */
        private void skipClause() throws ConfSyntaxException {
            int depth = 0;
            while (true) {
                ConfToken t = c.next();
                switch (t.kind()) {
                    case OPEN -> depth++;
                    case CLOSE -> {
                        if (depth == 0) {
                            throw c.error(t, "unexpected '}' inside an option");
                        }
                        depth--;
                    }
                    case SEMI -> {
                        if (depth == 0) {
                            return;
                        }
                    }
                    case END -> throw c.error(t, "the file ends inside an option");
                    case STRING, WORD -> {
                        // part of the skipped option
                    }
                }
            }
        }

        private int port() throws ConfSyntaxException {
            ConfToken t = c.expect(Kind.WORD, "a port number");
            try {
                int p = Integer.parseInt(t.text());
                if (p >= 1 && p <= 65535) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw c.error(t, "a port must be a number from 1 to 65535");
        }

        private String position(ConfToken t) {
            return file + ":" + t.line() + ":" + t.column();
        }
    }
}
