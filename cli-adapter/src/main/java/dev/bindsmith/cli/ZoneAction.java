package dev.bindsmith.cli;

import dev.bindsmith.http.json.ZoneCommand;

/** The zone commands that take only a zone name: the API's command and how the CLI reports it. */
enum ZoneAction {
    RELOAD(ZoneCommand.RELOAD, "Reloaded"),
    FREEZE(ZoneCommand.FREEZE, "Froze"),
    THAW(ZoneCommand.THAW, "Thawed"),
    NOTIFY(ZoneCommand.NOTIFY, "Sent NOTIFY for"),
    RETRANSFER(ZoneCommand.RETRANSFER, "Started a transfer of");

    private final ZoneCommand command;
    private final String pastTense;

    ZoneAction(ZoneCommand command, String pastTense) {
        this.command = command;
        this.pastTense = pastTense;
    }

    ZoneCommand command() {
        return command;
    }

    /** Its route under {@code /zones/{name}/}. */
    String path() {
        return command.path();
    }

    /** The start of the sentence that reports success: "Reloaded" zone example.com. */
    String pastTense() {
        return pastTense;
    }
}
