package dev.bindsmith.cli;

/** The zone commands that take only a zone name; {@code path} is their route under {@code /zones/{name}/}. */
enum ZoneAction {
    RELOAD("reload", "Reloaded"),
    FREEZE("freeze", "Froze"),
    THAW("thaw", "Thawed"),
    NOTIFY("notify", "Sent NOTIFY for"),
    RETRANSFER("retransfer", "Started a transfer of");

    private final String path;
    private final String pastTense;

    ZoneAction(String path, String pastTense) {
        this.path = path;
        this.pastTense = pastTense;
    }

    String path() {
        return path;
    }

    /** The start of the sentence that reports success: "Reloaded" zone example.com. */
    String pastTense() {
        return pastTense;
    }
}
