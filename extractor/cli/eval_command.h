// `khabar eval`: precision, recall and F1 of the extractor against gold
// annotations (gold JSON lines or CoNLL). See RunEvalCommand.
#ifndef KHABAR_CLI_EVAL_COMMAND_H_
#define KHABAR_CLI_EVAL_COMMAND_H_

namespace khabar::cli {

// argv[0] is "eval". Returns the exit code: 0 after an evaluation (whatever the
// scores), 2 on a usage error, unreadable gold or predictions, or bad data.
int RunEvalCommand(int argc, char** argv);

}  // namespace khabar::cli

#endif  // KHABAR_CLI_EVAL_COMMAND_H_
