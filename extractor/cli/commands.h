// The khabar subcommands. Each takes the arguments after the program name
// (argv[0] is the subcommand) and returns the process exit code.
#ifndef KHABAR_CLI_COMMANDS_H_
#define KHABAR_CLI_COMMANDS_H_

namespace khabar::cli {

int RunExtractCommand(int argc, char** argv);
int RunCheckCommand(int argc, char** argv);
int RunExplainCommand(int argc, char** argv);

}  // namespace khabar::cli

#endif  // KHABAR_CLI_COMMANDS_H_
