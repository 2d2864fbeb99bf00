# Installs the libraries with an exported package: find_package(topospec) gives
# topospec::topology, topospec::hypergraph and topospec::verify.
include(CMakePackageConfigHelpers)
install(TARGETS topospec_topology topospec_hypergraph topospec_verify
        EXPORT topospecTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(EXPORT topospecTargets NAMESPACE topospec::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/topospec)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/topospecConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/topospecConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/topospec)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/topospecConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/topospecConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/topospecConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/topospec)
