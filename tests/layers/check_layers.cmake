# The layers of the code, each allowed to include only the layers below it (README, "Where things
# are"): core ← web/plot (the toolkit) ← web/figures ← web/app (the host). The CMake targets follow
# the same order (mml_core, mml_toolkit, mml_figures, mml_host), but every target sees the whole
# source tree on its include path, so this check is what stops a toolkit file from including a
# figure. Fails naming each file, line and include that reaches up.
#   cmake -DMML_ROOT=<source tree> -P tests/layers/check_layers.cmake
if(NOT MML_ROOT)
  message(FATAL_ERROR "pass -DMML_ROOT=<source tree>")
endif()

# <folder>|<folders it must not include, as a regex alternation>
set(rules
  "core|web/"
  "web/plot|web/figures/|web/app/"
  "web/figures|web/app/")
set(violations "")
set(checked 0)
foreach(rule ${rules})
  string(REPLACE "|" ";" parts "${rule}")
  list(POP_FRONT parts folder)
  list(JOIN parts "|" forbidden)
  file(GLOB_RECURSE sources "${MML_ROOT}/${folder}/*.cpp" "${MML_ROOT}/${folder}/*.hpp" "${MML_ROOT}/${folder}/*.h")
  foreach(source ${sources})
    math(EXPR checked "${checked} + 1")
    file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line ${lines})
      # A quoted include is resolved from the repository root ("web/plot/plot.hpp") or relative to
      # the file ("../figures/x.hpp"): both name the folder they reach.
      if(line MATCHES "include[ \t]*\"([^\"]*)\"")
        set(target "${CMAKE_MATCH_1}")
        if(target MATCHES "^\\.\\./")
          get_filename_component(dir "${source}" DIRECTORY)
          get_filename_component(resolved "${dir}/${target}" ABSOLUTE)
          file(RELATIVE_PATH target "${MML_ROOT}" "${resolved}")
        endif()
        if(target MATCHES "^(${forbidden})")
          file(RELATIVE_PATH rel "${MML_ROOT}" "${source}")
          string(STRIP "${line}" line)
          string(APPEND violations "  ${rel}: ${line} (${folder}/ may not include ${forbidden})\n")
        endif()
      endif()
    endforeach()
  endforeach()
endforeach()
if(checked EQUAL 0)
  message(FATAL_ERROR "no sources found under ${MML_ROOT}: is MML_ROOT the source tree?")
endif()
if(violations)
  message(FATAL_ERROR "a layer includes a layer above it:\n${violations}")
endif()
message(STATUS "layers: ${checked} files include only the layers below them")
