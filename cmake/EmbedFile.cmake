# embed_text_file(<input> <output.cpp> <namespace> <symbol>)
# Writes a C++ source defining `const char* const <namespace>::<symbol>`
# holding the file's text, so data files ship inside the binary.
function(embed_text_file input output ns symbol)
  file(READ "${input}" content)
  set(delim "ks_embed")
  file(WRITE "${output}.tmp"
    "// Generated from ${input}; do not edit.\n"
    "namespace ${ns} {\nextern const char* const ${symbol};\n"
    "const char* const ${symbol} = R\"${delim}(${content})${delim}\";\n}\n")
  file(COPY_FILE "${output}.tmp" "${output}" ONLY_IF_DIFFERENT)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${input}")
endfunction()
