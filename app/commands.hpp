// One function per subcommand of microgpt-dse. Each receives the arguments after
// the subcommand name and returns the process exit code. Bad arguments throw
// UsageError (exit 2); bad input files throw std::runtime_error (exit 1).
#pragma once
#include "cli/usage.hpp"

namespace mgpt::app {

using cli::Args;
using cli::UsageError;

int cmd_generate(const Args& args);
int cmd_train(const Args& args);
int cmd_evaluate(const Args& args);
int cmd_simulate(const Args& args);
int cmd_roms(const Args& args);
int cmd_cosim(const Args& args);
int cmd_fpga(const Args& args);
int cmd_explore(const Args& args);
int cmd_merge(const Args& args);
int cmd_calibrate(const Args& args);

}  // namespace mgpt::app
