package ocr

import (
	"image"
	"image/color"
	"image/draw"
)

func blankPage() image.Image {
	g := image.NewGray(image.Rect(0, 0, 1240, 1754))
	draw.Draw(g, g.Bounds(), image.NewUniform(color.Gray{250}), image.Point{}, draw.Src)
	return g
}
