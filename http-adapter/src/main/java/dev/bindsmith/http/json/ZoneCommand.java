package dev.bindsmith.http.json;

/**
 * The zone commands that take only a zone's name: their route segment ({@code /zones/{name}/reload})
 * and the reference API's success message.
 */
public enum ZoneCommand {
    RELOAD("reload", "Zone %s reloaded successfully"),
    FREEZE("freeze", "Zone %s frozen successfully"),
    THAW("thaw", "Zone %s thawed successfully"),
    NOTIFY("notify", "Notify sent for zone %s"),
    RETRANSFER("retransfer", "Retransfer initiated for zone %s");

    private final String path;
    private final String message;

    ZoneCommand(String path, String message) {
        this.path = path;
        this.message = message;
    }

    /** The last segment of its route: {@code reload}. */
    public String path() {
        return path;
    }

    String message(String zone) {
        return message.formatted(zone);
    }
}
