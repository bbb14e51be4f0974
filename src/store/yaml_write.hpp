// A small YAML writer with one fixed style, so that the same values always give the same bytes:
// block mappings, `- ` lists, two-space indent, explicit quoting where YAML 1.1 would misread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cspr/calendar.hpp"
#include "cspr/model.hpp"

namespace cspr::store {

class YamlWriter {
public:
    // Starts the document with the editor's schema line, then `schema_version`.
    YamlWriter(std::string_view schema_path, int schema_version);

    void text(std::string_view key, std::string_view value);
    // Leaves the key out when the value is empty.
    void optional_text(std::string_view key, std::string_view value);
    void date(std::string_view key, calendar::Date value);
    void optional_date(std::string_view key, const std::optional<calendar::Date>& value);
    void date_time(std::string_view key, calendar::DateTime value);
    void optional_date_time(std::string_view key, const std::optional<calendar::DateTime>& value);
    void boolean(std::string_view key, bool value);
    void integer(std::string_view key, long long value);
    void text_list(std::string_view key, const std::vector<std::string>& values);
    // Unknown keys kept from the file this value was read from, written last.
    void extras(const model::Extras& extra);

    void begin_map(std::string_view key);
    void end_map();
    void begin_list(std::string_view key);
    // Each item of a list of mappings starts with begin_item(); its first key gets the "- ".
    void begin_item();
    void end_list();
    // An empty list, `key: []`, and an empty mapping, `key: {}`.
    void empty_list(std::string_view key);
    void empty_map(std::string_view key);

    const std::string& str() const { return out_; }

    // Where the text stands, to take back a mapping that turned out empty.
    struct Mark {
        std::size_t size;
        int depth;
        bool item_pending;
    };
    Mark mark() const { return {out_.size(), depth_, item_pending_}; }
    void rollback(const Mark& m) {
        out_.resize(m.size);
        depth_ = m.depth;
        item_pending_ = m.item_pending;
    }

private:
    void key_prefix(std::string_view key);
    void line(std::string_view key, std::string_view rendered);

    std::string out_;
    int depth_ = 0;
    bool item_pending_ = false;
};

// `value` as a YAML scalar: plain where no YAML 1.1 reader could take it for anything but this text,
// double-quoted otherwise.
std::string yaml_scalar(std::string_view value);
// `value` double-quoted, with YAML escapes.
std::string yaml_quoted(std::string_view value);

}  // namespace cspr::store
