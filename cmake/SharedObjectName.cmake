# kamishibai_soname(VAR LIBRARIES PATTERN): the SONAME (e.g. librsvg-2.so.2)
# of the library in LIBRARIES (full paths, e.g. RSVG_LINK_LIBRARIES from
# pkg_check_modules) whose file name matches PATTERN. What dlopen is given
# for a library that is loaded on first use instead of linked
# (src/util/shared_library.h).
function(kamishibai_soname var libraries pattern)
  foreach(lib ${libraries})
    get_filename_component(file "${lib}" NAME)
    if(file MATCHES "${pattern}" AND EXISTS "${lib}")
      execute_process(COMMAND "${CMAKE_OBJDUMP}" -p "${lib}" OUTPUT_VARIABLE out RESULT_VARIABLE rc ERROR_QUIET)
      if(rc EQUAL 0 AND out MATCHES "SONAME +([^ \r\n]+)")
        set(${var} "${CMAKE_MATCH_1}" PARENT_SCOPE)
        return()
      endif()
    endif()
  endforeach()
  message(FATAL_ERROR "no SONAME found for ${pattern} in ${libraries} (objdump: ${CMAKE_OBJDUMP})")
endfunction()
