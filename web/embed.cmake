# mml_embed(<target> <out.cpp> <symbol> <file> [<symbol> <file> ...])
# Generates <out.cpp> defining `extern const unsigned char mml::assets::<symbol>[]` (NUL-terminated,
# so shader sources are C strings) and `<symbol>_size` (bytes, without the NUL), rebuilt when a
# file changes. Declarations live in web/app/assets.hpp.
function(mml_embed target out)
  set(args ${ARGN})
  set(files)
  set(pairs)
  list(LENGTH args n)
  math(EXPR last "${n} - 1")
  foreach(i RANGE 0 ${last} 2)
    math(EXPR j "${i} + 1")
    list(GET args ${i} sym)
    list(GET args ${j} file)
    list(APPEND files ${file})
    list(APPEND pairs "${sym}=${file}")
  endforeach()
  string(REPLACE ";" "|" pairs_arg "${pairs}")
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} "-DPAIRS=${pairs_arg}" -DOUT=${out} -P ${PROJECT_SOURCE_DIR}/web/embed_run.cmake
    DEPENDS ${files} ${PROJECT_SOURCE_DIR}/web/embed_run.cmake
    COMMENT "Embedding ${target}" VERBATIM)
endfunction()
