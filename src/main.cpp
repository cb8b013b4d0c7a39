#include "cli/cli.hpp"

int main(int argc, char** argv) { return hearth::cli::Run(argc, argv); }
