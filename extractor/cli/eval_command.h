#ifndef KHABAR_CLI_EVAL_COMMAND_H_
#define KHABAR_CLI_EVAL_COMMAND_H_
int RunEvalCommand(int argc, char** argv);
#endif
