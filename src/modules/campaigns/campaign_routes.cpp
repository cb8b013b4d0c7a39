// The campaigns module's manifest and HTTP: parse → use case → JSON.
#include <boost/json.hpp>

#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "http/router.hpp"
#include "modules/campaigns/campaigns_module.hpp"
#include "platform/public_links.hpp"

namespace hearth::campaigns {
namespace {

using http::Request;
using http::Response;

boost::json::value OptTime(const std::optional<Timestamp>& t) { return t ? boost::json::value(FormatRfc3339(*t)) : nullptr; }
template <typename T>
boost::json::value Opt(const std::optional<T>& v) {
  return v ? boost::json::value(*v) : nullptr;
}

boost::json::object CampaignJson(const Campaign& c) {
  boost::json::object fields;
  for (const auto& [k, v] : c.wechat_fields) fields[k] = v;
  boost::json::object o{{"id", c.id},
                        {"name", c.name},
                        {"channel", WordOf(c.channel)},
                        {"audience", ToJson(c.audience)},
                        {"audience_label", c.audience_label},
                        {"subject", Opt(c.subject)},
                        {"template", c.text},
                        {"wechat_template_id", Opt(c.wechat_template_id)},
                        {"wechat_fields", std::move(fields)},
                        {"rate_per_minute", c.rate_per_minute},
                        {"quiet_hours", c.quiet_hours},
                        {"status", c.status},
                        {"send_at", OptTime(c.send_at)},
                        {"org_unit_id", c.org_unit_id},
                        {"org_unit_name", c.org_unit_name},
                        {"audience_count", c.audience_count},
                        {"queued_count", c.queued_count},
                        {"skipped", boost::json::object{{"no_consent", c.skipped_no_consent},
                                                        {"opted_out", c.skipped_opted_out},
                                                        {"no_address", c.skipped_no_address}}},
                        {"queued_at", OptTime(c.queued_at)},
                        {"finished_at", OptTime(c.finished_at)},
                        {"created_by", Opt(c.created_by)},
                        {"created_by_name", Opt(c.created_by_name)},
                        {"version", c.version},
                        {"created_at", FormatRfc3339(c.created_at)},
                        {"updated_at", FormatRfc3339(c.updated_at)}};
  if (c.results) {
    const Results& r = *c.results;
    o["results"] = boost::json::object{{"queued", r.queued},           {"handed", r.handed},
                                       {"delivered", r.delivered},     {"failed", r.failed},
                                       {"pending", r.pending},         {"unconfigured", r.unconfigured},
                                       {"skipped_at_send", r.skipped_at_send}, {"cancelled", r.cancelled},
                                       {"unsubscribed", r.unsubscribed}};
  }
  return o;
}

boost::json::object RecipientJson(const Recipient& x) {
  return {{"id", x.id},
          {"customer_id", x.customer_id},
          {"customer_name", x.customer_name},
          {"status", x.status},
          {"reason", Opt(x.reason)},
          {"address", Opt(x.address)},
          {"message_status", Opt(x.message_status)},
          {"message_error", Opt(x.message_error)},
          {"sent_at", OptTime(x.sent_at)}};
}

boost::json::object PrefsJson(const MarketingPrefs& p) {
  boost::json::array outs;
  for (const auto& o : p.opt_outs) {
    outs.push_back(boost::json::object{{"channel", o.channel}, {"source", o.source}, {"campaign_name", Opt(o.campaign_name)},
                                       {"at", FormatRfc3339(o.at)}});
  }
  return {{"consent_marketing", p.consent_marketing}, {"opt_outs", std::move(outs)}, {"wechat_openid", Opt(p.wechat_openid)}};
}

boost::json::object UnsubscribeJson(const Unsubscribe& u) {
  return {{"company", u.company}, {"campaign", u.campaign}, {"channel", WordOf(u.channel)}, {"opted_out", u.opted_out},
          {"opted_out_all", u.opted_out_all}};
}

/// A draft's fields from a POST (create: name, channel, audience and template required) or PATCH.
Result<CampaignInput> ReadInput(const boost::json::object& body, bool create) {
  http::BodyReader in(body);
  CampaignInput x;
  x.name = in.String("name", {.required = create, .min_chars = 1, .max_chars = 100});
  x.channel = in.Enum("channel", kChannels, create);
  std::vector<FieldError> errors;
  if (in.Has("audience") || create) x.audience = ReadAudience(in.Raw("audience"), errors);
  for (const auto& e : errors) in.Invalid(e.field, e.reason);
  x.subject = in.String("subject", {.max_chars = 200});
  // An SMS of 70 characters is one message; a marketing text may run to a few.
  x.text = in.String("template", {.required = create, .min_chars = 1, .max_chars = 2000, .multiline = true});
  x.wechat_template_id = in.String("wechat_template_id", {.max_chars = 100});
  if (const auto* f = in.Raw("wechat_fields"); f && !f->is_null()) {
    if (!f->is_object() || f->as_object().size() > 10) {
      in.Invalid("wechat_fields", "must_be_object_of_at_most_10");
    } else {
      std::vector<std::pair<std::string, std::string>> fields;
      for (const auto& [k, v] : f->as_object()) {
        const std::string key(k);
        const bool key_ok = !key.empty() && key.size() <= 32 &&
                            std::all_of(key.begin(), key.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; });
        if (!key_ok || key == "first") {
          in.Invalid("wechat_fields." + key, "invalid_key");
        } else if (!v.is_string() || v.as_string().size() > 600) {
          in.Invalid("wechat_fields." + key, "must_be_text_of_at_most_200");
        } else {
          fields.emplace_back(key, std::string(v.as_string()));
        }
      }
      x.wechat_fields = std::move(fields);
    }
  }
  if (const auto rate = in.Int("rate_per_minute")) {
    if (*rate < 1 || *rate > 6000) in.Invalid("rate_per_minute", "out_of_range");
    x.rate_per_minute = static_cast<int>(std::clamp<std::int64_t>(*rate, 1, 6000));
  }
  x.quiet_hours = in.Bool("quiet_hours");
  HEARTH_TRY(in.Finish());
  return x;
}

}  // namespace

platform::Manifest BuildManifest(CampaignsModule& module) {
  platform::Manifest m{.name = "campaigns", .folder = "modules/campaigns", .tables = {
      {"campaigns"}, {"campaign_recipients"}, {"marketing_opt_outs"}, {"wechat_followers"}}};
  CampaignService& s = module.campaigns;
  m.demo = [&module](platform::Demo& demo) { return AddDemoCampaigns(module, demo); };
  m.jobs.push_back({CampaignService::kSendJob, [&s](db::Tx& tx, const platform::Job& job) { return s.OnSendJob(tx, job); }});

  m.Route({"GET", "/api/v1/campaigns", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    auto status = r.Query("status");
    if (status && status->empty()) status.reset();
    if (status && *status != "draft" && *status != "queuing" && *status != "sending" && *status != "done" && *status != "cancelled") {
      return http::BadQuery("status", "invalid_value", "status is draft, queuing, sending, done or cancelled");
    }
    auto found = s.List(r.context, status, page);
    if (!found) return tl::unexpected(found.error());
    boost::json::array items;
    for (const auto& c : found->items) items.push_back(CampaignJson(c));
    return http::Json(http::kOk, boost::json::object{{"items", std::move(items)},
                                                     {"next_cursor", found->next_cursor ? boost::json::value(*found->next_cursor) : nullptr},
                                                     {"total", found->total}});
  });
  m.Route({"POST", "/api/v1/campaigns", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto body, r.JsonObject());
    HEARTH_ASSIGN(auto input, ReadInput(body, true));
    return http::Render(s.Create(r.context, input), http::kCreated, CampaignJson);
  });
  // On the worker pool: counting an audience of a million reads them all.
  m.Route({"POST", "/api/v1/campaigns/audience-count", Permission::kRecordWrite, http::BodyLimit::kJson, /*slow=*/true},
          [&s](Request& r) -> Result<Response> {
            HEARTH_ASSIGN(auto body, r.JsonObject());
            http::BodyReader in(body);
            const auto channel = in.Enum("channel", kChannels, true);
            std::vector<FieldError> errors;
            const auto audience = ReadAudience(in.Raw("audience"), errors);
            for (const auto& e : errors) in.Invalid(e.field, e.reason);
            HEARTH_TRY(in.Finish());
            return http::Render(s.Count(r.context, *audience, *channel), http::kOk, [](const AudienceCount& c) {
              return boost::json::object{{"label", c.label},           {"audience", c.audience},     {"eligible", c.eligible},
                                         {"no_consent", c.no_consent}, {"opted_out", c.opted_out}, {"no_address", c.no_address}};
            });
          });
  m.Route({"GET", "/api/v1/campaigns/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Get(r.context, id), http::kOk, CampaignJson);
  });
  m.Route({"PATCH", "/api/v1/campaigns/{id}", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto version, http::IfMatchVersion(r));
    HEARTH_ASSIGN(auto body, r.JsonObject());
    HEARTH_ASSIGN(auto input, ReadInput(body, false));
    return http::Render(s.Update(r.context, id, input, version), http::kOk, CampaignJson);
  });
  m.Route({"POST", "/api/v1/campaigns/{id}/send", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto version, http::IfMatchVersion(r));
    std::optional<Timestamp> at;
    if (!r.body.empty()) {
      HEARTH_ASSIGN(auto body, r.JsonObject());
      http::BodyReader in(body);
      if (const auto text = in.String("send_at", {.max_chars = 40})) {
        at = ParseRfc3339(*text);
        if (!at) in.Invalid("send_at", "invalid_time");
      }
      HEARTH_TRY(in.Finish());
    }
    return http::Render(s.Send(r.context, id, at, platform::OriginOf(r), version), http::kOk, CampaignJson);
  });
  m.Route({"POST", "/api/v1/campaigns/{id}/cancel", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Cancel(r.context, id), http::kOk, CampaignJson);
  });
  m.Route({"GET", "/api/v1/campaigns/{id}/recipients", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    auto status = r.Query("status");
    if (status && status->empty()) status.reset();
    if (status && *status != "queued" && *status != "sent" && *status != "skipped" && *status != "cancelled") {
      return http::BadQuery("status", "invalid_value", "status is queued, sent, skipped or cancelled");
    }
    auto found = s.Recipients(r.context, id, status, page);
    if (!found) return tl::unexpected(found.error());
    boost::json::array items;
    for (const auto& x : found->items) items.push_back(RecipientJson(x));
    return http::Json(http::kOk, boost::json::object{{"items", std::move(items)},
                                                     {"next_cursor", found->next_cursor ? boost::json::value(*found->next_cursor) : nullptr},
                                                     {"total", found->total}});
  });

  // A customer's marketing preferences: consent (the customer record's), opt-outs, WeChat.
  m.Route({"GET", "/api/v1/customers/{id}/marketing", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.PrefsOf(r.context, id), http::kOk, PrefsJson);
  });
  m.Route({"PUT", "/api/v1/customers/{id}/marketing/opt-outs/{channel}", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.SetOptOut(r.context, id, r.PathText("channel"), true), http::kOk, PrefsJson);
  });
  m.Route({"DELETE", "/api/v1/customers/{id}/marketing/opt-outs/{channel}", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.SetOptOut(r.context, id, r.PathText("channel"), false), http::kOk, PrefsJson);
  });
  m.Route({"PUT", "/api/v1/customers/{id}/marketing/wechat", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto body, r.JsonObject());
    http::BodyReader in(body);
    // A WeChat openid: 28 characters of letters, digits, - and _ (allowing some room).
    const auto openid = in.String("openid", {.required = true, .min_chars = 6, .max_chars = 64});
    if (openid && !std::all_of(openid->begin(), openid->end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; })) {
      in.Invalid("openid", "invalid_characters");
    }
    HEARTH_TRY(in.Finish());
    return http::Render(s.SetWeChat(r.context, id, openid), http::kOk, PrefsJson);
  });
  m.Route({"DELETE", "/api/v1/customers/{id}/marketing/wechat", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.SetWeChat(r.context, id, std::nullopt), http::kOk, PrefsJson);
  });

  // The owner's unsubscribe page: no login, the link is the credential (guessing slowed per address).
  auto guarded = [&module](Request& r, const http::Handler& handle) {
    return platform::GuardLink(module.links, module.campaigns.Now(), r, handle);
  };
  m.Route({"GET", "/api/v1/public/unsubscribe/{token}", http::kPublic}, [&s, guarded](Request& r) -> Result<Response> {
    return guarded(r, [&](Request& req) { return http::Render(s.UnsubscribeView(req.PathText("token")), http::kOk, UnsubscribeJson); });
  });
  m.Route({"POST", "/api/v1/public/unsubscribe/{token}", http::kPublic}, [&s, guarded](Request& r) -> Result<Response> {
    return guarded(r, [&](Request& req) -> Result<Response> {
      bool all = false;
      if (!req.body.empty()) {
        HEARTH_ASSIGN(auto body, req.JsonObject());
        http::BodyReader in(body);
        all = in.Bool("all").value_or(false);
        HEARTH_TRY(in.Finish());
      }
      return http::Render(s.UnsubscribeNow(req.PathText("token"), all), http::kOk, UnsubscribeJson);
    });
  });
  return m;
}

}  // namespace hearth::campaigns
