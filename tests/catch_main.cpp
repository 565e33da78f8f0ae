#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "test_skip.hpp"

int main(int argc, char* argv[]) { return mgpt::test::catch_exit_code(Catch::Session().run(argc, argv)); }
