package dev.bindsmith.http.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
    private static final String SHA = ScopedToken.sha256Of("0123456789abcdef0123456789abcdef");

    private static String file(String... names) {
        StringBuilder sb = new StringBuilder("{\"tokens\": [");
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"name\": \"")
                    .append(names[i])
                    .append("\", \"sha256\": \"")
                    .append(SHA)
                    .append("\", \"access\": \"read\"}");
        }
        return sb.append("]}").toString();
    }

    @Test
    void aFileThatChangesIsReadAgainAndABrokenOneKeepsThePreviousTokens(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tokens.json");
        Files.writeString(f, file("one"));
        TokenStore store = TokenStore.of(f);
        assertThat(store.current()).extracting(ScopedToken::name).containsExactly("one");

        Files.writeString(f, file("one", "two"));
        assertThat(store.reload()).isEqualTo(new TokenStore.Reload.Loaded(2));

        Files.writeString(f, "{\"tokens\": [{\"name\": \"three\"");
        assertThat(store.reload())
                .isInstanceOfSatisfying(
                        TokenStore.Reload.Kept.class,
                        k -> assertThat(k.problems()).singleElement().asString().startsWith("not JSON"));
        assertThat(store.current()).extracting(ScopedToken::name).containsExactly("one", "two");
    }

    @Test
    void reloadIfChangedReadsOnlyAChangedFileAndADeletedFileRevokesEveryToken(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tokens.json");
        Files.writeString(f, file("one"));
        TokenStore store = TokenStore.of(f);

        store.reloadIfChanged();
        assertThat(store.current()).hasSize(1);
        Files.writeString(f, file("one", "two", "three"));
        store.reloadIfChanged();
        assertThat(store.current()).hasSize(3);
        Files.delete(f);
        store.reloadIfChanged();
        assertThat(store.current()).isEmpty();
    }

    @Test
    void aFileThatDoesNotParseAtStartIsAnErrorThereAreNoTokensToKeep(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tokens.json");
        Files.writeString(f, "[]");

        assertThatThrownBy(() -> TokenStore.of(f)).hasMessageContaining("expected an object");
    }
}
