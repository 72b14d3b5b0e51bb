// Package layout reads the geometry of a recognised page: it groups OCR
// word boxes into segments (runs of words on one printed row with no wide
// gap), places each in the left or right column, centred, or across the
// page, and gives the reading order of an administrative document under
// Nghị định 30/2020: where the page runs in two columns (the header with the
// agency beside the Quốc hiệu, the Nơi nhận list beside the signature), the
// left column is read before the right.
package layout
