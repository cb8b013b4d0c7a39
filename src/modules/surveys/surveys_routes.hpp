#pragma once
// The routes of the surveys module's parts, each defined in its folder's *_routes.cpp and mounted by
// BuildManifest (surveys_routes.cpp). Private to the module.
#include <functional>
#include <string>

#include "core/table_file.hpp"
#include "http/router.hpp"
#include "modules/surveys/surveys_module.hpp"

namespace hearth::surveys {

void AddBuilderRoutes(platform::Manifest& m, SurveyService& surveys, WaveService& waves);
void AddWaveRoutes(platform::Manifest& m, WaveService& waves, platform::LoginThrottle& links);
void AddResultsRoutes(platform::Manifest& m, ResultsService& results);

/// A table as the file `format` asks for (csv or xlsx; 400 otherwise), named `name` for the download.
Result<http::Response> TableAnswer(const http::Request& req, const Result<Table>& table, const std::string& name);

}  // namespace hearth::surveys
