// src/store/files.cpp: whole-file reads, and crash-safe writes that leave the old file or the new,
// never a temporary one.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "cspr/error.hpp"
#include "cspr/store.hpp"
#include "store_testing.hpp"

namespace fs = std::filesystem;
namespace store = cspr::store;
using cspr::testing::kDefaultFolder;
using cspr::testing::names_in;
using cspr::testing::slurp;
using cspr::testing::spit;
using cspr::testing::TempDir;

TEST_CASE("a failed atomic write leaves no temporary file and the old target as it was", "[write]") {
    TempDir tmp;
    // The target is a folder holding a file: no file can be renamed over it.
    const fs::path target = tmp.path / "referral.yaml";
    fs::create_directories(target);
    spit(target / "keep", "x");
    CHECK_THROWS_AS(store::write_case_file(kDefaultFolder, target, "schema_version: 1\n"), cspr::Error);
    CHECK(names_in(tmp.path) == std::set<std::string>{"referral.yaml"});
    CHECK(fs::is_directory(target));
    CHECK(slurp(target / "keep") == "x");

    // write_file_atomically into a folder that does not exist fails cleanly, naming the file.
    const fs::path missing = tmp.path / "no-such-folder" / "x.yaml";
    try {
        store::write_file_atomically(missing, "x");
        FAIL("wrote into a missing folder");
    } catch (const cspr::Error& e) {
        CHECK(e.where().file == missing.string());
    }
    CHECK(names_in(tmp.path) == std::set<std::string>{"referral.yaml"});
}

TEST_CASE("write_file_atomically honours the requested mode whatever the umask", "[write]") {
    TempDir tmp;
    const auto old_mask = ::umask(0);
    const fs::path file = tmp.path / "a.yaml";
    store::write_file_atomically(file, "a\n");
    ::umask(old_mask);
    CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    const fs::path shared = tmp.path / "s.json";
    store::write_file_atomically(shared, "{}",
                                 fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                     fs::perms::others_read);
    CHECK((fs::status(shared).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read));
    CHECK(slurp(shared) == "{}");
    CHECK(names_in(tmp.path) == std::set<std::string>{"a.yaml", "s.json"});
}

TEST_CASE("read_file names a file it cannot read", "[write]") {
    TempDir tmp;
    const fs::path missing = tmp.path / "nope.yaml";
    try {
        (void)store::read_file(missing);
        FAIL("read a missing file");
    } catch (const cspr::Error& e) {
        CHECK(e.where().file == missing.string());
    }
}

TEST_CASE("read_file returns every byte of a file, whatever its size against the read sizes", "[write]") {
    TempDir tmp;
    // Sizes at the edges of the one-call read (size + 1) and of the 16 KB chunks that follow a file
    // reporting no size; every byte value, so nothing is lost or doubled at a boundary.
    for (const std::size_t size : {0UL, 1UL, 16383UL, 16384UL, 16385UL, 100'000UL}) {
        std::string content(size, '\0');
        for (std::size_t i = 0; i < size; ++i) content[i] = static_cast<char>((i * 7 + size) % 256);
        const fs::path file = tmp.path / ("f" + std::to_string(size));
        std::ofstream(file, std::ios::binary) << content;
        INFO(size);
        CHECK(store::read_file(file) == content);
        CHECK(store::read_file_if_exists(file).value() == content);
    }
    // /proc files are regular but report size 0: they are read to their end all the same.
    const std::string status = store::read_file("/proc/self/status");
    CHECK(status.find("Name:") == 0);
    CHECK(status.back() == '\n');
}

TEST_CASE("read_file refuses a file over the limit and a folder, by name", "[write]") {
    TempDir tmp;
    const fs::path big = tmp.path / "big.yaml";
    std::ofstream(big, std::ios::binary) << std::string(3u << 20, 'x');
    CHECK_THROWS_WITH(store::read_file(big, 2u << 20), Catch::Contains("is 3 MB") && Catch::Contains("at most 2 MB"));
    CHECK(store::read_file(big, 3u << 20).size() == (3u << 20));
    CHECK_THROWS_WITH(store::read_file(tmp.path), Catch::Contains("is a folder"));
    CHECK_FALSE(store::read_file_if_exists(tmp.path / "absent.yaml").has_value());
}
