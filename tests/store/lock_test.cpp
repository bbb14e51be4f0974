// src/store/lock.cpp: how long a command waits for a lock (CSPR_LOCK_WAIT), and how it says so.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>

#include "cspr/error.hpp"
#include "cspr/store.hpp"

namespace store = cspr::store;

TEST_CASE("lock-wait-parsing: CSPR_LOCK_WAIT is plain decimal seconds from 0 to 3600; anything else is an error naming "
          "it") {
    const auto wait_for = [](const char* text) {
        ::setenv("CSPR_LOCK_WAIT", text, 1);
        const auto wait = store::lock_wait();
        ::unsetenv("CSPR_LOCK_WAIT");
        return wait.count();
    };
    CHECK(wait_for("10") == 10'000);
    CHECK(wait_for("0") == 0);
    CHECK(wait_for("0.5") == 500);
    CHECK(wait_for("0.0004") == 0);
    CHECK(wait_for("2.25") == 2'250);
    CHECK(wait_for("0003600") == 3'600'000);
    CHECK(wait_for("3600.000") == 3'600'000);
    CHECK(wait_for("") == 10'000);  // unset or empty: the default
    for (const char* bad : {"abc", "-1", "+1", "inf", "nan", "1e30", "0x10", "3600.001", "3601", "99999999999999999999",
                            " 5", "5 ", "5.", ".5", "1,5", "5s"}) {
        INFO(bad);
        ::setenv("CSPR_LOCK_WAIT", bad, 1);
        try {
            (void)store::lock_wait();
            FAIL("accepted");
        } catch (const cspr::Error& e) {
            CHECK(e.where().field == "CSPR_LOCK_WAIT");
            CHECK(e.message() == "must be a number of seconds from 0 to 3600, e.g. 10 or 0.5");
        }
        ::unsetenv("CSPR_LOCK_WAIT");
    }
    CHECK(store::wait_text(std::chrono::milliseconds(500)) == "0.5 s");
    CHECK(store::wait_text(std::chrono::milliseconds(10'000)) == "10 s");
    CHECK(store::wait_text(std::chrono::milliseconds(2'250)) == "2.25 s");
    CHECK(store::wait_text(std::chrono::milliseconds(1)) == "0.001 s");
}
