module github.com/framegen/framegen

go 1.24.0
