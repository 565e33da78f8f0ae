# The hardening builds (scripts/test_sanitizers.sh, scripts/fuzz_smoke.sh; fuzz/README.md):
#   -DMGPT_SANITIZE=ON  AddressSanitizer + UndefinedBehaviorSanitizer on the project's own code
#   -DMGPT_FUZZ=ON      the libFuzzer harnesses of fuzz/ (clang only), libraries instrumented for them
option(MGPT_SANITIZE "Build the project's own code with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(MGPT_FUZZ "Build the libFuzzer harnesses of fuzz/ (needs clang++)" OFF)

set(MGPT_SANITIZE_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
if(MGPT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "MGPT_FUZZ needs clang++ (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  # The libraries get libFuzzer's coverage instrumentation (not its main());
  # the harnesses link -fsanitize=fuzzer (fuzz/CMakeLists.txt).
  set(MGPT_SANITIZE_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                          -fno-sanitize-recover=all)
endif()

# mgpt_sanitize(TARGET...): instrument the targets' own sources. A static
# library passes the runtime on to whatever links it (INTERFACE link options,
# exported with it: the co-simulation driver projects of build/rtl_cache link
# it too). Only the project's own sources are compiled with the flags: the
# Verilated C++ of the drivers, SystemC and Boost are not ours and stay as
# they are (ASan works across instrumented and plain code).
function(mgpt_sanitize)
  if(NOT MGPT_SANITIZE AND NOT MGPT_FUZZ)
    return()
  endif()
  foreach(target IN LISTS ARGN)
    target_compile_options(${target} PRIVATE ${MGPT_SANITIZE_FLAGS})
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "STATIC_LIBRARY")
      target_link_options(${target} INTERFACE ${MGPT_SANITIZE_FLAGS})
    else()
      target_link_options(${target} PRIVATE ${MGPT_SANITIZE_FLAGS})
    endif()
  endforeach()
endfunction()
