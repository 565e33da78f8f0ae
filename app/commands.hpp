// One function per subcommand of microgpt-dse. Each receives the arguments after
// the subcommand name and returns the process exit code. Bad arguments throw
// UsageError (exit 2); bad input files throw std::runtime_error (exit 1).
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace mgpt::app {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

using Args = std::vector<std::string>;

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

// Where shipped data lives: $MGPT_DATA_DIR, else the source tree's data/.
std::string data_dir();
std::string default_weights_dir();  // data/weights
std::string default_names_file();   // data/names.txt

}  // namespace mgpt::app
