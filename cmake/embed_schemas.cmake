# Build step: writes a C++ file holding every schemas/*.schema.json, so that `cspr init` can put the
# schemas into a new case folder without needing the source tree.
# Usage: cmake -DSCHEMA_DIR=... -DOUTPUT=... -P embed_schemas.cmake
file(GLOB schemas RELATIVE ${SCHEMA_DIR} ${SCHEMA_DIR}/*.schema.json)
list(SORT schemas)
set(rows "")
foreach(name ${schemas})
  file(READ ${SCHEMA_DIR}/${name} text)
  string(APPEND rows "        {\"${name}\", R\"cspr-schema(${text})cspr-schema\"},\n")
endforeach()
set(content "// Generated from schemas/ by cmake/embed_schemas.cmake. Do not edit.
#include \"cspr/store.hpp\"

namespace cspr::store {

const std::vector<std::pair<std::string, std::string>>& embedded_schemas() {
    static const std::vector<std::pair<std::string, std::string>> schemas = {
${rows}    };
    return schemas;
}

}  // namespace cspr::store
")
file(WRITE ${OUTPUT}.tmp "${content}")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
