# hexhub_add_module(<id> DOMAIN <files...> UI <files...>
#                   [DOMAIN_LIBRARIES <targets...>] [UI_LIBRARIES <targets...>])
#
# Builds one Hexhub module from its folder (ARCHITECTURE.md sections 1 and 2):
#   - the domain library hexhub-<id> (SHARED; QtCore, QtSql, QtNetwork, never QtWidgets) from the
#     DOMAIN files (under domain/), with the public headers under api/hexhub/<id>/ and the export
#     macro HEXHUB_<ID>_EXPORT in the generated hexhub/<id>/<id>_export.h; the SQL migrations found
#     in sql/ are compiled into it as resources under :/hexhub/<id>/sql;
#   - the UI plugin hexhub_<id> (MODULE) from the UI files (under ui/), with the metadata file <id>.json
#     embedded through Q_PLUGIN_METADATA, linking the domain; output into the module folder of the
#     build tree and installed into lib/hexhub/modules.
# The dependencies come from <id>.json alone: a required one links that module's domain, an optional
# one gets only its api/ headers (event payloads; nothing of it links, and --no-undefined makes a call
# into it a link error). hexhub_check_module_links() then refuses any domain or plugin that links a
# module the JSON does not name as required. Unknown arguments are an error.
include(GenerateExportHeader)

function(hexhub_add_module id)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "DOMAIN;UI;DOMAIN_LIBRARIES;UI_LIBRARIES")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "hexhub_add_module(${id}): unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT arg_DOMAIN OR NOT arg_UI)
        message(FATAL_ERROR "hexhub_add_module(${id}): DOMAIN and UI sources are both required")
    endif()
    # Files in their folders: a mistyped keyword swallowed by a list shows up here too.
    foreach(file IN LISTS arg_DOMAIN)
        if(NOT file MATCHES "^(domain|api)/")
            message(FATAL_ERROR "hexhub_add_module(${id}): DOMAIN file '${file}' is not under domain/ or api/")
        endif()
    endforeach()
    foreach(file IN LISTS arg_UI)
        if(NOT file MATCHES "^ui/")
            message(FATAL_ERROR "hexhub_add_module(${id}): UI file '${file}' is not under ui/")
        endif()
    endforeach()
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
    set(required "")
    set(optional "")
    string(JSON dep_count ERROR_VARIABLE json_error LENGTH "${json}" dependencies)
    if(NOT json_error AND dep_count GREATER 0)
        math(EXPR last "${dep_count} - 1")
        foreach(i RANGE ${last})
            string(JSON dep_id GET "${json}" dependencies ${i} id)
            string(JSON dep_optional ERROR_VARIABLE no_flag GET "${json}" dependencies ${i} optional)
            if(NOT no_flag AND dep_optional)
                list(APPEND optional "${dep_id}")
            else()
                list(APPEND required "${dep_id}")
            endif()
        endforeach()
    endif()

    # The domain library.
    set(domain hexhub-${id})
    string(TOUPPER "${id}" upper)
    set(api_build "${CMAKE_CURRENT_BINARY_DIR}/api")
    add_library(${domain} SHARED ${arg_DOMAIN})
    add_library(hexhub::${id} ALIAS ${domain})
    if(COMMAND hexhub_use_pch) # (the module function's own tests include this file alone)
        hexhub_use_pch(${domain} domain)
    endif()
    generate_export_header(${domain}
        BASE_NAME "HEXHUB_${upper}"
        EXPORT_FILE_NAME "${api_build}/hexhub/${id}/${id}_export.h")
    target_include_directories(${domain}
        PUBLIC "$<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/api>" "$<BUILD_INTERFACE:${api_build}>"
        PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/domain")
    target_link_libraries(${domain} PUBLIC hexhub::core Qt6::Core Qt6::Sql)
    foreach(dep IN LISTS required)
        target_link_libraries(${domain} PUBLIC hexhub-${dep})
    endforeach()
    foreach(dep IN LISTS optional)
        target_include_directories(${domain} PUBLIC
            "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/modules/${dep}/api>"
            "$<BUILD_INTERFACE:${CMAKE_BINARY_DIR}/modules/${dep}/api>")
    endforeach()
    if(arg_DOMAIN_LIBRARIES)
        target_link_libraries(${domain} PRIVATE ${arg_DOMAIN_LIBRARIES})
    endif()
    target_link_options(${domain} PRIVATE "LINKER:--no-undefined")
    set_target_properties(${domain} PROPERTIES
        VERSION ${PROJECT_VERSION}
        SOVERSION ${PROJECT_VERSION_MAJOR}
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON)
    target_compile_definitions(${domain} PRIVATE HEXHUB_MODULE_ID="${id}")
    file(GLOB sql_files CONFIGURE_DEPENDS RELATIVE "${CMAKE_CURRENT_SOURCE_DIR}"
        "${CMAKE_CURRENT_SOURCE_DIR}/sql/*.sql" "${CMAKE_CURRENT_SOURCE_DIR}/sql/server/*.sql"
    "${CMAKE_CURRENT_SOURCE_DIR}/sql/server/*.json")
    if(sql_files)
        qt_add_resources(${domain} "${domain}_sql" PREFIX "/hexhub/${id}" FILES ${sql_files})
    endif()
    install(TARGETS ${domain} LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" NAMELINK_SKIP)

    # The UI plugin.
    set(target hexhub_${id})
    add_library(${target} MODULE ${arg_UI} "${metadata}")
    if(COMMAND hexhub_use_pch)
        hexhub_use_pch(${target} ui)
    endif()
    target_include_directories(${target} PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/ui")
    target_link_libraries(${target} PRIVATE ${domain} hexhub::core Qt6::Widgets)
    if(arg_UI_LIBRARIES)
        target_link_libraries(${target} PRIVATE ${arg_UI_LIBRARIES})
    endif()
    set_target_properties(${target} PROPERTIES
        PREFIX ""
        LIBRARY_OUTPUT_DIRECTORY "${HEXHUB_MODULE_OUTPUT_DIR}"
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON
        INSTALL_RPATH "$ORIGIN/../..")
    target_compile_definitions(${target} PRIVATE HEXHUB_MODULE_ID="${id}")
    install(TARGETS ${target} LIBRARY DESTINATION "${HEXHUB_MODULE_SUBDIR}")

    set_property(GLOBAL APPEND PROPERTY HEXHUB_MODULE_TARGETS ${target})
    set_property(GLOBAL APPEND PROPERTY HEXHUB_MODULE_IDS ${id})
    set_property(GLOBAL PROPERTY HEXHUB_MODULE_REQUIRED_${id} "${required}")
endfunction()

# Called once every module is added: a module's domain may link only the domains its JSON names as
# required dependencies, never QtWidgets or QtGui; a UI plugin may link no other module's plugin or
# domain. Anything else is a configure error that says which line to change.
function(hexhub_check_module_links)
    get_property(ids GLOBAL PROPERTY HEXHUB_MODULE_IDS)
    foreach(id IN LISTS ids)
        get_property(required GLOBAL PROPERTY HEXHUB_MODULE_REQUIRED_${id})
        get_target_property(domain_links hexhub-${id} LINK_LIBRARIES)
        get_target_property(ui_links hexhub_${id} LINK_LIBRARIES)
        foreach(lib IN LISTS domain_links)
            if(lib MATCHES "^(hexhub-|hexhub::)([a-z_]+)$" AND CMAKE_MATCH_2 IN_LIST ids)
                if(NOT CMAKE_MATCH_2 IN_LIST required)
                    message(FATAL_ERROR "hexhub-${id} links the domain of module '${CMAKE_MATCH_2}', which "
                        "${id}.json does not name as a required dependency: add it there, or reach it through "
                        "its events")
                endif()
            elseif(lib MATCHES "^Qt6?::(Widgets|Gui)$" OR lib STREQUAL "hexhub::widgets" OR lib STREQUAL "hexhub-widgets")
                message(FATAL_ERROR "hexhub-${id} links ${lib}: a module's domain has no widgets; put the view in ui/")
            elseif(lib MATCHES "^hexhub_([a-z_]+)$")
                message(FATAL_ERROR "hexhub-${id} links the plugin ${lib}: plugins are leaves nothing links")
            endif()
        endforeach()
        foreach(lib IN LISTS ui_links)
            if(lib MATCHES "^hexhub_([a-z_]+)$" AND CMAKE_MATCH_1 IN_LIST ids)
                message(FATAL_ERROR "hexhub_${id} links the plugin ${lib}: plugins reach each other through "
                    "commands, views and record links")
            elseif(lib MATCHES "^(hexhub-|hexhub::)([a-z_]+)$" AND CMAKE_MATCH_2 IN_LIST ids
                   AND NOT CMAKE_MATCH_2 STREQUAL id)
                get_property(required GLOBAL PROPERTY HEXHUB_MODULE_REQUIRED_${id})
                if(NOT CMAKE_MATCH_2 IN_LIST required)
                    message(FATAL_ERROR "hexhub_${id} links the domain of module '${CMAKE_MATCH_2}', which "
                        "${id}.json does not name as a required dependency")
                endif()
            endif()
        endforeach()
    endforeach()
endfunction()
