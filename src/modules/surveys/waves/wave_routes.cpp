// HTTP of the waves and the owners' answer page: parse → use case → JSON.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/surveys/surveys_routes.hpp"
#include "platform/public_links.hpp"

namespace hearth::surveys {

namespace {

using http::Request;
using http::Response;

Result<WaveInput> ReadWave(const boost::json::object& body) {
  http::BodyReader in(body);
  WaveInput w;
  w.name = in.String("name", {.min_chars = 1, .max_chars = 100});
  w.project_ids = in.IntArray("project_ids", true, 500).value_or(std::vector<std::int64_t>{});
  if (in.Has("project_ids") && w.project_ids.empty()) in.Invalid("project_ids", "required");
  const auto cohorts = in.StringArray("cohorts", true, 4, 20).value_or(std::vector<std::string>{});
  for (std::size_t i = 0; i < cohorts.size(); ++i) {
    if (auto c = kCohorts.Parse(cohorts[i])) {
      if (std::find(w.cohorts.begin(), w.cohorts.end(), *c) == w.cohorts.end()) w.cohorts.push_back(*c);
    } else {
      in.Invalid(fmt::format("cohorts[{}]", i), "invalid_value");
    }
  }
  if (in.Has("cohorts") && cohorts.empty()) in.Invalid("cohorts", "required");
  const auto sample = in.Int("sample_per_project");
  if (const auto* quotas = in.Raw("quotas")) {
    if (!quotas->is_object()) {
      in.WrongTypeOf("quotas", "must_be_object");
    } else {
      for (const auto& [k, v] : quotas->as_object()) {
        const auto c = kCohorts.Parse(k);
        const std::string at = "quotas." + std::string(k);
        if (!c) in.Invalid(at, "invalid_value");
        else if (!v.is_int64()) in.WrongTypeOf(at, "must_be_integer");
        else if (v.as_int64() < 0 || v.as_int64() > 100000) in.Invalid(at, "out_of_range");
        else if (std::find(w.cohorts.begin(), w.cohorts.end(), *c) == w.cohorts.end()) in.Invalid(at, "not_in_cohorts");
        else w.quotas[*c] = v.as_int64();
      }
    }
  }
  if (!w.quotas.empty()) {
    w.sample_per_project = 0;
    for (const auto& [c, n] : w.quotas) w.sample_per_project += n;
    if (sample) in.Invalid("sample_per_project", "given_by_quotas");
  } else if (!sample) {
    in.Invalid("sample_per_project", "required");
  } else if (*sample < 1 || *sample > 100000) {
    in.Invalid("sample_per_project", "out_of_range");
  } else {
    w.sample_per_project = *sample;
  }
  w.channel = in.Enum("channel", {"link", "sms", "email"}, true).value_or("");
  if (auto d = in.Int("exclude_days")) {
    if (*d < 0 || *d > 3650) in.Invalid("exclude_days", "out_of_range");
    else w.exclude_days = *d;
  }
  w.exclude_no_consent = in.Bool("exclude_no_consent").value_or(false);
  if (auto n = in.Int("send_per_minute")) {
    if (*n < 1 || *n > 10000) in.Invalid("send_per_minute", "out_of_range");
    else w.send_per_minute = *n;
  }
  if (auto on = in.String("closes_on", {.max_chars = 10})) {
    if (!ParseIsoDate(*on)) in.Invalid("closes_on", "invalid_date");
    else w.closes_on = *on;
  }
  HEARTH_TRY(in.Finish());
  return w;
}

}  // namespace

void AddWaveRoutes(platform::Manifest& m, WaveService& s, platform::LoginThrottle& links) {
  m.Route({"POST", "/api/v1/surveys/{id}/waves", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto body, r.JsonObject());
    HEARTH_ASSIGN(auto input, ReadWave(body));
    const std::string today = s.Today();
    return http::Render(s.Create(r.context, id, input, platform::OriginOf(r)), http::kCreated, [&](const Wave& x) { return ToJson(x, today); });
  });
  m.Route({"GET", "/api/v1/surveys/{id}/waves", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    const std::string today = s.Today();
    return http::RenderList(s.OfSurvey(r.context, id), [&](const Wave& x) { return ToJson(x, today); });
  });
  m.Route({"GET", "/api/v1/survey-waves/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    const std::string today = s.Today();
    return http::Render(s.Get(r.context, id), http::kOk, [&](const Wave& x) { return ToJson(x, today); });
  });
  m.Route({"GET", "/api/v1/survey-waves/{id}/invitations", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    InvitationFilter f;
    HEARTH_ASSIGN(f.status, http::QueryEnum(r, "status", std::vector<std::string>{"queued", "sent", "opened", "no_contact", "answered"}));
    HEARTH_ASSIGN(f.project_id, http::QueryInt(r, "project_id"));
    HEARTH_ASSIGN(auto cohort, http::QueryEnum(r, "cohort", kCohorts));
    if (cohort) f.cohort = std::string(kCohorts.Name(*cohort));
    HEARTH_ASSIGN(auto list, s.Invitations(r.context, id, f, page));
    return http::ListResponse(list.items, list.next_cursor, [](const Invitation& x) { return ToJson(x); });
  });
  m.Route({"GET", "/api/v1/survey-waves/{id}/links", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return TableAnswer(r, s.Links(r.context, id), "survey-links-" + std::to_string(id));
  });
  m.Route({"POST", "/api/v1/survey-waves/{id}/remind", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Remind(r.context, id), http::kOk, [](const RemindReport& x) {
      return boost::json::object{{"queued", x.queued}, {"too_soon", x.too_soon}, {"max_reached", x.max_reached}};
    });
  });
  m.Route({"POST", "/api/v1/survey-waves/{id}/close", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    const std::string today = s.Today();
    return http::Render(s.Close(r.context, id), http::kOk, [&](const Wave& x) { return ToJson(x, today); });
  });

  // The owner's page: no login, the token is the credential (guessing slowed per address).
  auto guarded = [&links, &s](Request& r, const http::Handler& handle) { return platform::GuardLink(links, s.Now(), r, handle); };
  auto render = [](Result<PublicSurvey> view, int status = http::kOk) {
    return http::Render(std::move(view), status, [](const PublicSurvey& p) { return ToJson(p); });
  };
  auto answers_of = [](Request& req) -> Result<boost::json::value> {
    HEARTH_ASSIGN(auto body, req.JsonObject());
    http::BodyReader in(body);
    const auto* answers = in.Raw("answers");
    if (!answers) in.Invalid("answers", "required");
    HEARTH_TRY(in.Finish());
    return *answers;
  };
  m.Route({"GET", "/api/v1/public/surveys/{token}", http::kPublic}, [&s, guarded, render](Request& r) -> Result<Response> {
    return guarded(r, [&](Request& req) { return render(s.PublicView(req.PathText("token"))); });
  });
  m.Route({"POST", "/api/v1/public/surveys/{token}", http::kPublic, http::BodyLimit::kJson, /*slow=*/true}, [&s, guarded, render, answers_of](Request& r) -> Result<Response> {
    return guarded(r, [&](Request& req) -> Result<Response> {
      HEARTH_ASSIGN(auto answers, answers_of(req));
      return render(s.Answer(req.PathText("token"), answers, req.remote_address), http::kCreated);
    });
  });
  m.Route({"PUT", "/api/v1/public/surveys/{token}/draft", http::kPublic}, [&s, guarded, render, answers_of](Request& r) -> Result<Response> {
    return guarded(r, [&](Request& req) -> Result<Response> {
      HEARTH_ASSIGN(auto answers, answers_of(req));
      return render(s.SaveDraft(req.PathText("token"), answers));
    });
  });
  m.Route({"POST", "/api/v1/public/surveys/{token}/opt-out", http::kPublic}, [&s, guarded, render](Request& r) -> Result<Response> {
    return guarded(r, [&](Request& req) { return render(s.OptOut(req.PathText("token"))); });
  });
}

}  // namespace hearth::surveys
