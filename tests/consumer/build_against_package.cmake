# Configures and builds the project in SOURCE_DIR against the topospec installed in PREFIX, as an
# outside project would (find_package(topospec) through CMAKE_PREFIX_PATH only).
file(REMOVE_RECURSE ${BUILD_DIR})
set(cfg ${CONFIG})
if(NOT cfg)
  set(cfg Release)
endif()
foreach(step configure build)
  if(step STREQUAL configure)
    set(command ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BUILD_DIR} -G ${GENERATOR}
        -DCMAKE_PREFIX_PATH=${PREFIX} -DCMAKE_BUILD_TYPE=${cfg})
  else()
    set(command ${CMAKE_COMMAND} --build ${BUILD_DIR})
  endif()
  execute_process(COMMAND ${command} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${step} of ${SOURCE_DIR} against ${PREFIX} failed (${rc})")
  endif()
endforeach()
