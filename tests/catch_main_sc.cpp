// SystemC owns main(): sc_main hands the command line to Catch.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <systemc>

#include "test_skip.hpp"

int sc_main(int argc, char* argv[]) { return mgpt::test::catch_exit_code(Catch::Session().run(argc, argv)); }
