import { TranslatableString, englishStringTranslator, replaceStringParameters } from "@rjsf/utils";

/** rjsf's own interface strings in Swedish; anything not listed falls back to rjsf's English. */
const SWEDISH: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: "Rad",
  [TranslatableString.EmptyArray]: "Inga rader ännu. Lägg till med knappen nedanför.",
  [TranslatableString.YesLabel]: "Ja",
  [TranslatableString.NoLabel]: "Nej",
  [TranslatableString.CloseLabel]: "Stäng",
  [TranslatableString.ErrorsLabel]: "Det här behöver rättas",
  [TranslatableString.AddButton]: "Lägg till",
  [TranslatableString.AddItemButton]: "Lägg till rad",
  [TranslatableString.CopyButton]: "Kopiera",
  [TranslatableString.MoveDownButton]: "Flytta ned",
  [TranslatableString.MoveUpButton]: "Flytta upp",
  [TranslatableString.RemoveButton]: "Ta bort",
  [TranslatableString.NowLabel]: "Nu",
  [TranslatableString.ClearLabel]: "Rensa",
  [TranslatableString.AriaDateLabel]: "Välj ett datum",
  [TranslatableString.DecrementAriaLabel]: "Minska med 1",
  [TranslatableString.IncrementAriaLabel]: "Öka med 1",
  [TranslatableString.OptionalObjectAdd]: "Fyll i den här delen",
  [TranslatableString.OptionalObjectRemove]: "Ta bort den här delen",
  [TranslatableString.OptionalObjectEmptyMsg]: "Inte ifylld",
  [TranslatableString.ClearButton]: "töm fältet",
  [TranslatableString.OptionPrefix]: "Alternativ %1",
};

export function translateSwedish(key: TranslatableString, params?: string[]): string {
  const sv = SWEDISH[key];
  return sv ? replaceStringParameters(sv, params) : englishStringTranslator(key, params);
}
