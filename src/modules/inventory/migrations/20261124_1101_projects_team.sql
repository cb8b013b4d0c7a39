-- When a project's team has been dissolved (项目部撤场), its rectification work goes to
-- engineering (the service centre's routing reads this flag).
ALTER TABLE projects ADD COLUMN team_dissolved BOOLEAN NOT NULL DEFAULT FALSE;
