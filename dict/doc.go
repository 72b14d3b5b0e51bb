// Package dict holds Vietnamese language rules and tables that Vanthu
// derives from the writing system and from Nghị định 30/2020/NĐ-CP, not from
// any particular document: Unicode normalisation, tone-mark placement,
// diacritic folding, and the document types with their abbreviations.
package dict
