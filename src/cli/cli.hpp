#pragma once

namespace hearth::cli {

/// Parses argv and runs the subcommand (serve, migrate, user add, version); returns the exit code.
int Run(int argc, char** argv);

}  // namespace hearth::cli
