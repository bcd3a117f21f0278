package dev.bindsmith.rndc.bind;

import dev.bindsmith.rndc.client.RndcReply;
import java.util.Optional;

/**
 * A golden file of one rndc reply: {@code err: <err>} (empty for a success), a line {@code ---}, then
 * named's text exactly as it came.
 */
final class DnssecGolden {
    private DnssecGolden() {}

    static String write(RndcReply reply) {
        return "err: " + reply.err().orElse("") + "\n---\n" + reply.text() + "\n";
    }

    static RndcReply read(String name) {
        String all = Golden.read("dnssec/" + name + ".txt");
        int cut = all.indexOf("\n---\n");
        String err = all.substring("err: ".length(), cut);
        String text = all.substring(cut + "\n---\n".length());
        return new RndcReply(
                "dnssec", err.isEmpty() ? 0 : 1, err.isEmpty() ? Optional.empty() : Optional.of(err), text);
    }
}
