print("ersctl")
