# hexhub_add_module(<id> SOURCES <files...> [DEPENDS <module ids...>] [QT <Qt components...>]
#                   [LIBRARIES <targets...>])
#
# Builds one Hexhub module: a shared-library plugin named hexhub_<id> with the metadata file
# <id>.json embedded through Q_PLUGIN_METADATA, the SQL migrations found in the module's sql/
# folder compiled in as resources under :/hexhub/<id>/sql, output into the module folder of the
# build tree and installed into lib/hexhub/modules. DEPENDS lists the modules this one needs at run
# time; they must also appear in the metadata's "dependencies", which is checked here so the two
# never drift apart. Unknown arguments are an error.
function(hexhub_add_module id)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;DEPENDS;QT;LIBRARIES")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "hexhub_add_module(${id}): unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT arg_SOURCES)
        message(FATAL_ERROR "hexhub_add_module(${id}): SOURCES is required")
    endif()
    if(NOT id MATCHES "^[a-z][a-z0-9_]*$")
        message(FATAL_ERROR "hexhub_add_module(${id}): a module id is lower case letters, digits and _")
    endif()
    set(metadata "${CMAKE_CURRENT_SOURCE_DIR}/${id}.json")
    if(NOT EXISTS "${metadata}")
        message(FATAL_ERROR "hexhub_add_module(${id}): ${id}.json is missing")
    endif()

    file(READ "${metadata}" json)
    string(JSON declared_id ERROR_VARIABLE json_error GET "${json}" id)
    if(json_error)
        message(FATAL_ERROR "hexhub_add_module(${id}): ${id}.json: ${json_error}")
    endif()
    if(NOT declared_id STREQUAL id)
        message(FATAL_ERROR "hexhub_add_module(${id}): ${id}.json declares id '${declared_id}'")
    endif()
    set(declared_deps "")
    string(JSON dep_count ERROR_VARIABLE json_error LENGTH "${json}" dependencies)
    if(NOT json_error AND dep_count GREATER 0)
        math(EXPR last "${dep_count} - 1")
        foreach(i RANGE ${last})
            string(JSON dep_id GET "${json}" dependencies ${i} id)
            list(APPEND declared_deps "${dep_id}")
        endforeach()
    endif()
    foreach(dep IN LISTS arg_DEPENDS)
        if(NOT dep IN_LIST declared_deps)
            message(FATAL_ERROR
                "hexhub_add_module(${id}): DEPENDS ${dep} is not in ${id}.json's dependencies")
        endif()
    endforeach()

    set(target hexhub_${id})
    add_library(${target} MODULE ${arg_SOURCES} "${metadata}")
    target_link_libraries(${target} PRIVATE hexhub::core)
    if(arg_LIBRARIES)
        target_link_libraries(${target} PRIVATE ${arg_LIBRARIES})
    endif()
    foreach(component IN LISTS arg_QT)
        target_link_libraries(${target} PRIVATE Qt6::${component})
    endforeach()
    set_target_properties(${target} PROPERTIES
        PREFIX ""
        LIBRARY_OUTPUT_DIRECTORY "${HEXHUB_MODULE_OUTPUT_DIR}"
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON
        INSTALL_RPATH "$ORIGIN/../..")
    target_compile_definitions(${target} PRIVATE HEXHUB_MODULE_ID="${id}")
    foreach(dep IN LISTS arg_DEPENDS)
        add_dependencies(${target} hexhub_${dep})
    endforeach()

    file(GLOB sql_files CONFIGURE_DEPENDS RELATIVE "${CMAKE_CURRENT_SOURCE_DIR}"
        "${CMAKE_CURRENT_SOURCE_DIR}/sql/*.sql" "${CMAKE_CURRENT_SOURCE_DIR}/sql/server/*.sql")
    if(sql_files)
        qt_add_resources(${target} "${target}_sql" PREFIX "/hexhub/${id}" FILES ${sql_files})
    endif()

    install(TARGETS ${target} LIBRARY DESTINATION "${HEXHUB_MODULE_SUBDIR}")
    set_property(GLOBAL APPEND PROPERTY HEXHUB_MODULE_TARGETS ${target})
endfunction()
