# Precompiled headers, shared: the clean build is most of CI's time, and most of a source file's
# compile at -O0 (the tests) is parsing Qt, the standard library and Catch2 again. Three headers are
# precompiled once each and reused by every target of their kind (target_precompile_headers REUSE_FROM):
#   domain  the standard library, QtCore and QtSql: the core, the domain libraries, the training engine;
#   ui      domain plus QtGui and QtWidgets: the widgets, the shell and the module plugins, the program;
#   tests   domain plus Catch2, built at the tests' -O0: the test binaries and their support.
# GCC uses a precompiled header only when the target defines every macro the header was made with and
# the same optimisation and PIC settings (it warns otherwise: -Winvalid-pch, and the build falls back
# to parsing). So a host target carries only what all its users share: the project's definitions and
# Qt6::Core's (QT_CORE_LIB, QT_NO_DEBUG outside Debug, -fPIC), and reaches the other Qt modules'
# headers through their include folders alone, never their QT_<MODULE>_LIB definitions (QtTest's
# headers read those, so QtTest stays out). Domain code gets no widget header this way: the domain
# libraries never see QtWidgets (ARCHITECTURE.md section 1).
# -DHEXHUB_PRECOMPILED_HEADERS=OFF builds without them (and proves every file includes what it uses).
option(HEXHUB_PRECOMPILED_HEADERS "Reuse precompiled standard library, Qt and Catch2 headers" ON)

set(HEXHUB_PCH_STD <algorithm> <array> <atomic> <cmath> <functional> <memory> <optional> <stdexcept>
    <utility> <vector>)
set(HEXHUB_PCH_CORE <QByteArray> <QCoreApplication> <QCryptographicHash> <QDateTime> <QDir>
    <QElapsedTimer> <QFile> <QFileInfo> <QFuture> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject>
    <QJsonValue> <QList> <QLocale> <QLoggingCategory> <QMap> <QObject> <QPointer> <QRegularExpression>
    <QSet> <QString> <QStringList> <QTemporaryDir> <QTextStream> <QThread> <QTimer> <QUuid> <QVariant>
    <QSqlDatabase> <QSqlError> <QSqlQuery> <QSqlRecord>)
set(HEXHUB_PCH_WIDGETS <QAction> <QApplication> <QComboBox> <QDialog> <QDialogButtonBox> <QFormLayout>
    <QHBoxLayout> <QHeaderView> <QImage> <QLabel> <QLineEdit> <QListWidget> <QMenu> <QPainter>
    <QPushButton> <QShortcut> <QSpinBox> <QTableView> <QTableWidget> <QToolButton> <QVBoxLayout>
    <QWidget>)

# hexhub_pch_host(<kind> HEADERS <headers...> INCLUDES <Qt targets...> [OPTIONS <compile options...>])
function(hexhub_pch_host kind)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "HEADERS;INCLUDES;OPTIONS")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "hexhub_pch_host(${kind}): unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT HEXHUB_PRECOMPILED_HEADERS)
        return()
    endif()
    set(source "${CMAKE_BINARY_DIR}/pch/${kind}.cpp")
    file(CONFIGURE OUTPUT "${source}" CONTENT "// The host of the ${kind} precompiled header (cmake/HexhubPrecompiledHeaders.cmake).\n")
    add_library(hexhub-pch-${kind} OBJECT "${source}")
    target_link_libraries(hexhub-pch-${kind} PRIVATE Qt6::Core)
    foreach(qt IN LISTS arg_INCLUDES)
        target_include_directories(hexhub-pch-${kind} SYSTEM PRIVATE "$<TARGET_PROPERTY:${qt},INTERFACE_INCLUDE_DIRECTORIES>")
    endforeach()
    target_compile_options(hexhub-pch-${kind} PRIVATE ${arg_OPTIONS})
    set_target_properties(hexhub-pch-${kind} PROPERTIES POSITION_INDEPENDENT_CODE ON AUTOMOC OFF AUTORCC OFF)
    target_precompile_headers(hexhub-pch-${kind} PRIVATE ${arg_HEADERS})
endfunction()

# hexhub_use_pch(<target> <kind>): the target reuses the kind's precompiled header.
function(hexhub_use_pch target kind)
    if(NOT HEXHUB_PRECOMPILED_HEADERS)
        return()
    endif()
    if(NOT TARGET hexhub-pch-${kind})
        message(FATAL_ERROR "hexhub_use_pch(${target} ${kind}): there is no precompiled header '${kind}'")
    endif()
    target_precompile_headers(${target} REUSE_FROM hexhub-pch-${kind})
endfunction()

hexhub_pch_host(domain HEADERS ${HEXHUB_PCH_STD} ${HEXHUB_PCH_CORE} INCLUDES Qt6::Sql)
hexhub_pch_host(ui HEADERS ${HEXHUB_PCH_STD} ${HEXHUB_PCH_CORE} ${HEXHUB_PCH_WIDGETS} INCLUDES Qt6::Sql Qt6::Gui Qt6::Widgets)
