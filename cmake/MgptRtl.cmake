# The RTL side of the main build: the source lists and the Verilated drivers.

# The arguments of every Verilated model (the main build's and the per-point driver projects',
# through mgpt-config.cmake): warnings are the lint test's job (tests/cli/rtl_lint.sh); the
# widest tiles (64 lanes) need the unroll limits.
set(MGPT_VERILATOR_ARGS -Wno-fatal -Wno-lint -Wno-style --unroll-count 1024 --unroll-stmts 1000000)

# mgpt_read_rtl_sources(VAR LIST): the sources named by an RTL source list
# (rtl/core_sources.txt, rtl/de1soc/board_sources.txt: one file name per line
# relative to the list's folder, '#' comments), as absolute paths. Editing the
# list reconfigures.
function(mgpt_read_rtl_sources var list)
  set(path ${CMAKE_SOURCE_DIR}/${list})
  set_property(DIRECTORY ${CMAKE_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${path})
  file(STRINGS ${path} lines)
  get_filename_component(folder ${path} DIRECTORY)
  set(sources)
  foreach(line IN LISTS lines)
    string(STRIP "${line}" line)
    if(line STREQUAL "" OR line MATCHES "^#")
      continue()
    endif()
    list(APPEND sources ${folder}/${line})
  endforeach()
  if(NOT sources)
    message(FATAL_ERROR "${path} names no source")
  endif()
  set(${var} ${sources} PARENT_SCOPE)
endfunction()

# mgpt_verilated_driver(TARGET [PLAIN] MAIN main.cpp LIBRARY lib TOP module SOURCES ... [INCLUDE_DIRS ...] [ARGS ...]):
# a co-simulation driver executable, its sc_main and the Verilated SystemC model
# of TOP (class V<TOP>, with VCD tracing) over SOURCES, as Verilator's
# examples/cmake_tracing_sc builds one; with PLAIN a plain C++ model that the
# driver clocks itself (examples/cmake_tracing_c). Warnings of the generated
# C++ are Verilator's business: they are not reported.
function(mgpt_verilated_driver target)
  cmake_parse_arguments(D "PLAIN" "MAIN;LIBRARY;TOP" "SOURCES;INCLUDE_DIRS;ARGS" ${ARGN})
  add_executable(${target} ${D_MAIN})
  target_link_libraries(${target} PRIVATE ${D_LIBRARY})
  set(kind SYSTEMC)
  if(D_PLAIN)
    set(kind)
  endif()
  verilate(${target} ${kind} TRACE TOP_MODULE ${D_TOP} PREFIX V${D_TOP}
    INCLUDE_DIRS ${D_INCLUDE_DIRS}
    SOURCES ${D_SOURCES}
    VERILATOR_ARGS ${MGPT_VERILATOR_ARGS} ${D_ARGS})
  mgpt_quiet_verilated_sources(${target} ${D_MAIN})
endfunction()

# mgpt_quiet_verilated_sources(TARGET OWN_SOURCE...): Verilator's headers as
# system headers (the target's own code is compiled with -Wall -Wextra) and no
# warnings for the C++ Verilator generated, which is Verilator's business.
function(mgpt_quiet_verilated_sources target)
  target_include_directories(${target} SYSTEM PRIVATE ${VERILATOR_ROOT}/include ${VERILATOR_ROOT}/include/vltstd)
  get_target_property(sources ${target} SOURCES)
  foreach(source IN LISTS sources)
    if(source MATCHES "\\.cpp$" AND NOT source IN_LIST ARGN)
      set_property(SOURCE ${source} TARGET_DIRECTORY ${target} APPEND PROPERTY COMPILE_OPTIONS -w)
    endif()
  endforeach()
endfunction()
