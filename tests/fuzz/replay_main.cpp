// A main() for a fuzz target built without libFuzzer (docs/fuzzing.md): runs each file named on the
// command line through LLVMFuzzerTestOneInput once. ctest replays the seed corpus and every kept
// reproducer (tests/fuzz/crashes/) this way on every build, so a property the fuzzers checked keeps
// holding between fuzz runs; a violated property aborts, which fails the test.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            return 2;
        }
        const std::string input((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::fprintf(stderr, "replay: %s\n", argv[i]);
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
    }
    std::printf("replay: %d inputs, every property held\n", argc - 1);
    return 0;
}
