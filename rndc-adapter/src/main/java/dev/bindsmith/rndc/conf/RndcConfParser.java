package dev.bindsmith.rndc.conf;

import dev.bindsmith.dns.conf.ConfLexer;
import dev.bindsmith.dns.conf.ConfSyntaxException;
import dev.bindsmith.dns.conf.ConfToken;
import dev.bindsmith.dns.conf.ConfToken.Kind;
import dev.bindsmith.rndc.conf.RndcConf.Address;
import dev.bindsmith.rndc.conf.RndcConf.KeyClause;
import dev.bindsmith.rndc.conf.RndcConf.Options;
import dev.bindsmith.rndc.conf.RndcConf.ServerClause;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
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
 * Parses rndc.conf and key files: {@code key}, {@code options}, {@code server} and {@code include}
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
        private List<ConfToken> tokens;
        private int i;

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
                tokens = ConfLexer.lex(text);
            } catch (ConfSyntaxException e) {
                throw new RndcConfException(file + ":" + e.getMessage());
            }
            while (peek().kind() != Kind.END) {
                statement();
            }
            Map<String, KeyClause> keys = new LinkedHashMap<>(includedKeys);
            keys.putAll(ownKeys);
            Map<String, ServerClause> servers = new LinkedHashMap<>(includedServers);
            servers.putAll(ownServers);
            return new RndcConf(file, keys, includedOptions.overlaidBy(ownOptions), servers);
        }

        private void statement() throws RndcConfException {
            ConfToken t = expect(Kind.WORD, "a statement (key, options, server or include)");
            switch (t.text()) {
                case "include" -> include();
                case "key" -> key();
                case "options" -> options();
                case "server" -> server();
                default -> throw error(t, "unknown statement; expected one of " + STATEMENTS);
            }
        }

        private void include() throws RndcConfException {
            ConfToken path = expect(Kind.STRING, "the quoted path of the included file");
            semi("the include");
            Path target;
            try {
                target = Path.of(path.text());
            } catch (InvalidPathException e) {
                // a NUL byte, for one: a configuration error like any other, never an unchecked exception
                throw error(path, "the included file's name is not a valid path");
            }
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

        private void key() throws RndcConfException {
            ConfToken name = name("the key name");
            expect(Kind.OPEN, "'{' after the key name");
            Optional<String> algorithm = Optional.empty();
            Optional<String> secret = Optional.empty();
            while (peek().kind() != Kind.CLOSE) {
                ConfToken opt = expect(Kind.WORD, "'algorithm', 'secret' or '}' in the key");
                switch (opt.text()) {
                    case "algorithm" -> {
                        algorithm = Optional.of(name("the algorithm name").text());
                        semi("the algorithm");
                    }
                    case "secret" -> {
                        secret = Optional.of(
                                expect(Kind.STRING, "the quoted secret").text());
                        semi("the secret");
                    }
                    default -> throw error(opt, "unknown clause in a key; expected 'algorithm' or 'secret'");
                }
            }
            expect(Kind.CLOSE, "'}'");
            semi("the key statement");
            ownKeys.put(name.text(), new KeyClause(name.text(), algorithm, secret, file));
        }

        private void options() throws RndcConfException {
            expect(Kind.OPEN, "'{' after options");
            Optional<String> server = ownOptions.defaultServer();
            Optional<String> key = ownOptions.defaultKey();
            OptionalInt port = ownOptions.defaultPort();
            while (peek().kind() != Kind.CLOSE) {
                ConfToken opt = expect(Kind.WORD, "an option or '}'");
                switch (opt.text()) {
                    case "default-server" -> {
                        server = Optional.of(name("the default server").text());
                        semi("default-server");
                    }
                    case "default-key" -> {
                        key = Optional.of(name("the default key name").text());
                        semi("default-key");
                    }
                    case "default-port" -> {
                        port = OptionalInt.of(port());
                        semi("default-port");
                    }
                    default -> skipClause();
                }
            }
            expect(Kind.CLOSE, "'}'");
            semi("the options block");
            ownOptions = new Options(server, key, port);
        }

        private void server() throws RndcConfException {
            ConfToken name = name("the server name or address");
            expect(Kind.OPEN, "'{' after the server name");
            Optional<String> key = Optional.empty();
            OptionalInt port = OptionalInt.empty();
            List<Address> addresses = new ArrayList<>();
            while (peek().kind() != Kind.CLOSE) {
                ConfToken opt = expect(Kind.WORD, "a server option or '}'");
                switch (opt.text()) {
                    case "key" -> {
                        key = Optional.of(name("the key name").text());
                        semi("the server's key");
                    }
                    case "port" -> {
                        port = OptionalInt.of(port());
                        semi("the server's port");
                    }
                    case "addresses" -> {
                        expect(Kind.OPEN, "'{' after addresses");
                        while (peek().kind() != Kind.CLOSE) {
                            String host = name("an address").text();
                            OptionalInt p = OptionalInt.empty();
                            if (peek().kind() == Kind.WORD && peek().text().equals("port")) {
                                next();
                                p = OptionalInt.of(port());
                            }
                            semi("the address");
                            addresses.add(new Address(host, p));
                        }
                        expect(Kind.CLOSE, "'}'");
                        semi("the addresses list");
                    }
                    default -> skipClause();
                }
            }
            expect(Kind.CLOSE, "'}'");
            semi("the server statement");
            ownServers.put(name.text(), new ServerClause(name.text(), key, port, addresses));
        }

        /** Skips an option we do not use, up to its ';' (balanced over braces). */
        private void skipClause() throws RndcConfException {
            int depth = 0;
            while (true) {
                ConfToken t = next();
                switch (t.kind()) {
                    case OPEN -> depth++;
                    case CLOSE -> {
                        if (depth == 0) {
                            throw error(t, "unexpected '}' inside an option");
                        }
                        depth--;
                    }
                    case SEMI -> {
                        if (depth == 0) {
                            return;
                        }
                    }
                    case END -> throw error(t, "the file ends inside an option");
                    case STRING, WORD -> {
                        // part of the skipped option
                    }
                }
            }
        }

        private int port() throws RndcConfException {
            ConfToken t = expect(Kind.WORD, "a port number");
            try {
                int p = Integer.parseInt(t.text());
                if (p >= 1 && p <= 65535) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(t, "a port must be a number from 1 to 65535");
        }

        private ConfToken name(String what) throws RndcConfException {
            ConfToken t = next();
            if (t.kind() != Kind.WORD && t.kind() != Kind.STRING) {
                throw error(t, "expected " + what + ", found " + t.kind().description());
            }
            return t;
        }

        private void semi(String after) throws RndcConfException {
            expect(Kind.SEMI, "';' after " + after);
        }

        private ConfToken expect(Kind kind, String what) throws RndcConfException {
            ConfToken t = next();
            if (t.kind() != kind) {
                throw error(t, "expected " + what + ", found " + t.kind().description());
            }
            return t;
        }

        private ConfToken peek() {
            return tokens.get(i);
        }

        private ConfToken next() {
            ConfToken t = tokens.get(i);
            if (t.kind() != Kind.END) {
                i++;
            }
            return t;
        }

        private String position(ConfToken t) {
            return file + ":" + t.line() + ":" + t.column();
        }

        private RndcConfException error(ConfToken t, String message) {
            return new RndcConfException(position(t) + ": " + message);
        }
    }
}
