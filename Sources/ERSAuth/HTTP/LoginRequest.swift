/// The body of `POST /auth/login`: `{"username":"alice","password":"…"}`.
struct LoginRequest: Decodable {
    var username: String
    var password: String
}
