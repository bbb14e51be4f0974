// Times add_working_days and working_days_between over 1,000,000 random dates in 1995-2035.
// A benchmark, not a test: it prints figures and asserts nothing about speed.
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "cspr/calendar.hpp"

namespace {

using cspr::calendar::Date;
using Clock = std::chrono::steady_clock;

template <typename F>
double best_seconds(int repeats, F&& body) {
    double best = 1e9;
    for (int r = 0; r < repeats; ++r) {
        const auto start = Clock::now();
        body();
        best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
    }
    return best;
}

}  // namespace

int main() {
    constexpr std::size_t kOps = 1'000'000;
    const auto build_start = Clock::now();
    const auto cal =
        cspr::calendar::make_calendar(cspr::calendar::Region::england_and_wales, cspr::calendar::embedded_holidays());
    const double build = std::chrono::duration<double>(Clock::now() - build_start).count();

    std::mt19937 rng(20241220);
    const Date lo = Date{date::year{1995} / 2 / 1}, hi = Date{date::year{2035} / 12 / 1};
    std::uniform_int_distribution<int> day(0, static_cast<int>((hi - lo).count()));
    std::uniform_int_distribution<int> n(-20, 20);
    std::vector<Date> a(kOps), b(kOps);
    std::vector<int> k(kOps);
    for (std::size_t i = 0; i < kOps; ++i) {
        a[i] = lo + date::days{day(rng)};
        b[i] = lo + date::days{day(rng)};
        k[i] = n(rng);
    }

    long long sink = 0;
    const double add = best_seconds(5, [&] {
        for (std::size_t i = 0; i < kOps; ++i)
            sink += cspr::calendar::add_working_days(cal, a[i], k[i]).time_since_epoch().count();
    });
    const double between = best_seconds(5, [&] {
        for (std::size_t i = 0; i < kOps; ++i) sink += cspr::calendar::working_days_between(cal, a[i], b[i]);
    });
    std::printf("calendar table build (england-and-wales, 1995-%d): %.3f ms\n", cspr::calendar::kLastProjectedYear,
                build * 1e3);
    std::printf("add_working_days:     %zu ops in %.4f s = %.1f million ops/s\n", kOps, add, kOps / add / 1e6);
    std::printf("working_days_between: %zu ops in %.4f s = %.1f million ops/s\n", kOps, between, kOps / between / 1e6);
    std::printf("(checksum %lld)\n", sink);
    return 0;
}
