package bot

import (
	"reflect"
	"sync"
)

// deepCopy returns a copy of v that shares no slice, map or pointer with
// it, so changing one never changes the other (reading ahead keeps the
// conversation as it was before the reading, readahead.go). Unexported
// fields are copied as they are: the conversation's are the standard
// library's (time.Time's location), which nothing changes.
func deepCopy[T any](v T) T {
	src := reflect.ValueOf(&v).Elem()
	dst := reflect.New(src.Type()).Elem()
	copyValue(dst, src)
	return dst.Interface().(T)
}

func copyValue(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(src.Type().Elem())
		copyValue(p.Elem(), src.Elem())
		dst.Set(p)
	case reflect.Struct:
		dst.Set(src) // unexported fields as they are
		for _, i := range fieldsToCopy(src.Type()) {
			copyValue(dst.Field(i), src.Field(i))
		}
	case reflect.Slice:
		if src.IsNil() {
			dst.Set(reflect.Zero(src.Type()))
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			copyValue(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Array:
		for i := range src.Len() {
			copyValue(dst.Index(i), src.Index(i))
		}
	case reflect.Map:
		if src.IsNil() {
			dst.Set(reflect.Zero(src.Type()))
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		for it := src.MapRange(); it.Next(); {
			v := reflect.New(src.Type().Elem()).Elem()
			copyValue(v, it.Value())
			m.SetMapIndex(it.Key(), v)
		}
		dst.Set(m)
	case reflect.Interface:
		if src.IsNil() {
			return
		}
		v := reflect.New(src.Elem().Type()).Elem()
		copyValue(v, src.Elem())
		dst.Set(v)
	default:
		dst.Set(src)
	}
}

// holdsReferences says whether a value of type t can share memory with a
// copy made by assignment (remembered per type: the walk is most of a
// copy's cost).
func holdsReferences(t reflect.Type) bool {
	if v, ok := typeHoldsReferences.Load(t); ok {
		return v.(bool)
	}
	v := typeHolds(t)
	typeHoldsReferences.Store(t, v)
	return v
}

var typeHoldsReferences sync.Map // reflect.Type → bool

// fieldsToCopy are the exported fields of struct type t that an
// assignment would share (remembered per type).
func fieldsToCopy(t reflect.Type) []int {
	if v, ok := structFieldsToCopy.Load(t); ok {
		return v.([]int)
	}
	var fs []int
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && holdsReferences(f.Type) {
			fs = append(fs, i)
		}
	}
	structFieldsToCopy.Store(t, fs)
	return fs
}

var structFieldsToCopy sync.Map // reflect.Type → []int

func typeHolds(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return true
	case reflect.Struct:
		for i := range t.NumField() {
			if holdsReferences(t.Field(i).Type) {
				return true
			}
		}
	case reflect.Array:
		return holdsReferences(t.Elem())
	}
	return false
}
