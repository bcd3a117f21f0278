package dev.bindsmith.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command tree, declared here instead of in picocli's {@code subcommands} attributes so that a
 * command line can build only the commands it names.
 *
 * <p>picocli reads a command's model by reflection from its annotations, and copies the inherited
 * global options into every subcommand. For the whole tree (about 45 commands) that was the largest
 * part of a short command's start-up, larger than the command itself. {@link #path} builds the root
 * and the one command per level that the command line names; {@link #whole} builds everything, for
 * the root's help, completion, and any command line the path cannot parse, so that picocli's errors and
 * suggestions always see every command.
 *
 * @param command the annotated command class
 * @param subcommands its subcommands, in the order help lists them
 */
record CommandTree(Class<?> command, List<CommandTree> subcommands) {

    static final CommandTree ROOT = node(
            Root.class,
            node(Serve.class),
            node(
                    ZoneCommands.class,
                    node(ZoneCommands.ListZones.class),
                    node(ZoneCommands.Show.class),
                    node(ZoneCommands.Status.class),
                    node(ZoneCreate.class),
                    node(ZoneCommands.Modify.class),
                    node(ZoneCommands.Delete.class),
                    node(ZoneCommands.Reload.class),
                    node(ZoneCommands.Freeze.class),
                    node(ZoneCommands.Thaw.class),
                    node(ZoneCommands.Notify.class),
                    node(ZoneCommands.Retransfer.class),
                    node(ZoneFleetCommands.Propagation.class),
                    node(
                            ZoneFleetCommands.Dnssec.class,
                            node(ZoneFleetCommands.Dnssec.Status.class),
                            node(ZoneFleetCommands.Dnssec.Rollover.class),
                            node(ZoneFleetCommands.Dnssec.Checkds.class))),
            node(
                    RecordCommands.class,
                    node(RecordCommands.ListRecords.class),
                    node(RecordCommands.Add.class),
                    node(RecordCommands.Update.class),
                    node(RecordCommands.Remove.class),
                    node(RecordCommands.Apply.class)),
            node(CatalogCommands.class, node(CatalogCommands.ListMembers.class), node(CatalogCommands.Reconcile.class)),
            node(
                    ServerCommands.class,
                    node(ServerCommands.Status.class),
                    node(ServerCommands.Reload.class),
                    node(ServerCommands.Reconcile.class)),
            node(KeyCommands.class, node(KeyCommands.Create.class)),
            node(
                    TokenCommands.class,
                    node(TokenCommands.Create.class),
                    node(TokenCommands.ListTokens.class),
                    node(TokenCommands.Revoke.class)),
            node(AuditCommand.class));

    CommandTree {
        subcommands = List.copyOf(subcommands);
    }

    private static CommandTree node(Class<?> command, CommandTree... subcommands) {
        return new CommandTree(command, List.of(subcommands));
    }

    /** Every command under {@code top}, the object of this node's command. */
    CommandLine whole(Object top, CommandLine.IFactory factory) {
        CommandLine line = new CommandLine(top, factory);
        addAll(line, factory);
        return line;
    }

    /**
     * {@code top} with, on each level, only the subcommand {@code args} name there: the first word that
     * is the name or an alias of one. A level where no word names one gets every subcommand (a command
     * that is missing its subcommand lists them all in its error). The result parses {@code args}
     * exactly as the whole tree does whenever it parses them at all: a word it skipped names no command
     * on its level in either tree.
     */
    CommandLine path(Object top, CommandLine.IFactory factory, String... args) {
        CommandLine line = new CommandLine(top, factory);
        addPath(line, factory, args, 0);
        return line;
    }

    private void addAll(CommandLine line, CommandLine.IFactory factory) {
        for (CommandTree sub : subcommands) {
            CommandLine child = new CommandLine(sub.command, factory);
            sub.addAll(child, factory);
            line.addSubcommand(child);
        }
    }

    private void addPath(CommandLine line, CommandLine.IFactory factory, String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            Optional<CommandTree> named = subcommandNamed(args[i]);
            if (named.isPresent()) {
                CommandLine child = new CommandLine(named.get().command, factory);
                named.get().addPath(child, factory, args, i + 1);
                line.addSubcommand(child);
                return;
            }
        }
        addAll(line, factory);
    }

    private Optional<CommandTree> subcommandNamed(String word) {
        for (CommandTree sub : subcommands) {
            Command annotation = sub.command.getAnnotation(Command.class);
            if (annotation.name().equals(word)
                    || Arrays.asList(annotation.aliases()).contains(word)) {
                return Optional.of(sub);
            }
        }
        return Optional.empty();
    }
}
