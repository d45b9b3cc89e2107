/** SurveyJS (survey-core + survey-react-ui, its default theme) on the FIA 1.0.0 form converted by bench/pages/convert.ts (toSurvey). */
import { createRoot } from "react-dom/client";
import { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import "survey-core/survey-core.min.css";
import json from "virtual:fia-survey";

declare global {
  interface Window {
    __rev: number;
  }
}
window.__rev = 0;
const model = new Model(json);
model.onValueChanged.add(() => window.__rev++);
createRoot(document.getElementById("root")!).render(<Survey model={model} />);
