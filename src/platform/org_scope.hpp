#pragma once

// The platform's org scope as SQL it lends to every module. Only the platform names its tables
// (org_units, users); a module's query joins the scope through these fragments, which the
// platform may change in one place. Each is a string literal to concatenate with a module's own
// named query constant (STYLE.md §6).

/// Joins the org unit of `alias`'s record (its `org_unit_id` column) as `o`, so that the query
/// can read `o.path` and compare it with the caller's scope (`o.path LIKE $n`, $n = the
/// caller's path followed by '%').
/// e.g. a ticket query: R"sql(SELECT t.id, o.path FROM <table> t)sql" HEARTH_JOIN_ORG_UNIT("t") R"sql(WHERE …)sql"
#define HEARTH_JOIN_ORG_UNIT(alias) " JOIN org_units o ON o.id = " alias ".org_unit_id "

/// The org path of the unit whose id is in column `unit_column`, as a scalar subquery (for a
/// module's EXISTS over its own rows that name an org unit: `… AND HEARTH_ORG_PATH_OF("s.org_unit_id") LIKE $n`).
#define HEARTH_ORG_PATH_OF(unit_column) " (SELECT path FROM org_units WHERE id = " unit_column ") "

/// True when the user whose id is in column `user_column` is enabled and works in an org unit
/// whose subtree holds the org path given by `path_expr` (the user can see such a record).
#define HEARTH_USER_ENABLED_SEEING(user_column, path_expr)                                     \
  " EXISTS (SELECT 1 FROM users su JOIN org_units so ON so.id = su.org_unit_id WHERE su.id = " \
  user_column " AND NOT su.disabled AND substr(" path_expr ", 1, length(so.path)) = so.path) "
